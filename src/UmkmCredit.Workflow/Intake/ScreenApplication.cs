using Microsoft.Extensions.Logging;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Configuration;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Ports;

namespace UmkmCredit.Workflow.Intake;

/// <summary>Screens the stored application against the scheme rules and the documents present.</summary>
public sealed class ScreenApplication(
    IApplicationRepository applications,
    IDocumentRepository documents,
    SchemeCatalog schemes,
    DeadlinePolicy deadlines,
    ILogger<ScreenApplication> logger) : IWorkflowActivity<ScreenApplicationInput, ScreeningReport>
{
    /// <inheritdoc />
    public async Task<ScreeningReport> RunAsync(ScreenApplicationInput input, CancellationToken cancellationToken = default)
    {
        var stored = await applications.GetAsync(input.ApplicationId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Application {input.ApplicationId} is not stored.");
        var present = (await documents.ListAsync(input.ApplicationId, cancellationToken).ConfigureAwait(false))
            .Select(d => d.Kind).ToList();
        var result = Screening.Screen(stored.Application, present, Wita.TodayFromUtc(input.NowUtc), schemes);
        Log.Screened(logger, input.ApplicationId, result.Outcome, result.RuleVersion, result.Reasons.Count, result.MissingDocuments.Count);
        return new ScreeningReport(
            result.Outcome,
            result.Reasons.Select(r => new ReasonItem(r.Code, r.Message)).ToList(),
            result.MissingDocuments.ToList(),
            result.RuleVersion,
            deadlines.DeadlineUtc(DeadlineKind.Documents, input.NowUtc));
    }
}
