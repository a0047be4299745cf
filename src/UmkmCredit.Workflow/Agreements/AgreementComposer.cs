using System.Text.Json;
using Microsoft.Extensions.Options;
using UmkmCredit.Documents.Agreements;
using UmkmCredit.Domain.Agreements;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Money;
using UmkmCredit.Domain.Regions;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.Agreements;

/// <summary>Builds the agreement model from the stored application, the review and configuration.</summary>
public sealed class AgreementComposer(SchemeCatalog schemes, Signers signers, IOptions<LinksOptions> links)
{
    /// <summary>JSON of the stored model.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Composes the model.</summary>
    public AgreementModel Compose(StoredApplication stored, int sequence, DateTime nowUtc, long? approvedAmount, IReadOnlyList<string> recommendations)
    {
        var app = stored.Application;
        var today = Wita.TodayFromUtc(nowUtc);
        var scheme = schemes.Find(app.Request.SchemeCode, DateOnly.FromDateTime(stored.SubmittedAtUtc))
            ?? throw new InvalidOperationException($"Scheme {app.Request.SchemeCode} is not known.");
        var rates = scheme.AnnualRatePercentByUse;
        var rate = rates[Math.Min(app.Request.PriorKurCount, rates.Count - 1)];
        var amount = approvedAmount ?? app.Request.Amount;
        var firstDue = today.AddMonths(1);
        var schedule = scheme.IsSharia
            ? InstalmentCalculator.Murabahah(amount, rate, app.Request.TenorMonths, firstDue)
            : InstalmentCalculator.Annuity(amount, rate, app.Request.TenorMonths, firstDue);
        var regency = Regencies.Get(app.Business.RegencyCode);
        var bank = signers.Bank(app.Business.RegencyCode);
        var opd = signers.Resolve(Catalog.WorkflowNames.SignerRoles.Opd, stored);
        var place = regency.Name.Replace("Kabupaten ", string.Empty, StringComparison.Ordinal).Replace("Kota ", string.Empty, StringComparison.Ordinal);
        return new AgreementModel(
            AgreementNumber.Format(sequence, app.Business.RegencyCode, today),
            today,
            place,
            new DebtorParty(app.Applicant.FullName, app.Applicant.Nik, app.Applicant.BirthDate, app.Applicant.Address, app.Applicant.Phone,
                app.Business.Name, app.Business.Address, app.Business.Nib),
            new BankParty(bank.BankName, bank.BranchAddress, bank.Officer.Name, bank.Officer.Title ?? "Pimpinan Cabang"),
            new OpdParty(opd.Organization ?? $"Dinas Koperasi dan UKM {regency.Name}", opd.Name, opd.Title ?? "Kepala Dinas"),
            scheme.Code,
            scheme.Name,
            scheme.IsSharia,
            amount,
            rate,
            app.Request.TenorMonths,
            app.Request.Purpose,
            app.Request.Description,
            schedule,
            recommendations,
            links.Value.Absolute($"verify/{stored.ApplicationId}"),
            stored.ApplicationId);
    }
}
