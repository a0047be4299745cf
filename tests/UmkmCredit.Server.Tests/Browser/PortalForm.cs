using Microsoft.Playwright;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Browser;

/// <summary>Fills the portal form with the sample application and its documents, as a person would.</summary>
internal static class PortalForm
{
    public static async Task FillAsync(IPage page, string email, string? nik = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["applicant.nik"] = nik ?? Samples.UniqueNik(), ["applicant.fullName"] = "Siti Aminah", ["applicant.birthDate"] = "1990-08-15",
            ["applicant.phone"] = "081234567890", ["applicant.email"] = email, ["applicant.address"] = "Jl. Yos Sudarso No. 10, Tarakan",
            ["business.name"] = "Amplang Bu Siti", ["business.nib"] = "9120301234567", ["business.address"] = "Jl. Mulawarman No. 5, Tarakan",
            ["business.startedOn"] = "2019-05-01", ["business.employees"] = "3", ["business.monthlyRevenue"] = "15000000",
            ["request.amount"] = "50000000", ["request.tenorMonths"] = "24", ["request.description"] = "Pembelian bahan baku dan kemasan",
        };
        foreach (var (name, value) in fields)
        {
            await page.FillAsync($"[name='{name}']", value);
        }

        await page.SelectOptionAsync("[name='applicant.gender']", "P");
        await page.SelectOptionAsync("[name='business.sector']", "kuliner");
        await page.SelectOptionAsync("[name='business.regency']", "6571");
        await page.SelectOptionAsync("[name='request.scheme']", "KUR_MIKRO");
        await page.SelectOptionAsync("[name='request.purpose']", "modal-kerja");
        foreach (var kind in Samples.RequiredKinds)
        {
            await page.SetInputFilesAsync($"input[name='{kind}']", new FilePayload { Name = kind + ".pdf", MimeType = "application/pdf", Buffer = Samples.Pdf(kind) });
        }
    }
}
