using System.Reflection;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Regions;
using UmkmCredit.Workflow.Catalog;

namespace UmkmCredit.Workflow.Tests.Catalog;

public sealed class LabelsTests
{
    [Fact]
    public void Every_sector_has_its_own_words()
    {
        Assert.All(Sectors.All, s => Assert.NotEqual(s, Labels.Sector(s)));
        Assert.Equal(Sectors.All.Count, Sectors.All.Select(Labels.Sector).Distinct().Count());
        Assert.Equal("Industri pengolahan", Labels.Sector("industri-pengolahan"));
    }

    [Fact]
    public void Codes_never_reach_people_for_kinds_statuses_purposes_and_roles()
    {
        Assert.All(DocumentKinds.All, k => Assert.NotEqual(k, Labels.DocumentKind(k)));
        Assert.All(Enum.GetValues<ApplicationStatus>(), s => Assert.NotEqual(s.ToString(), Labels.Status(s)));
        Assert.All(Purposes.All, p => Assert.NotEqual(p, Labels.Purpose(p)));
        Assert.All(WorkflowNames.SignerRoles.All, r => Assert.NotEqual(r, Labels.SignerRole(r)));
        Assert.Equal("Foto (JPEG)", Labels.ContentType("image/jpeg"));
    }

    [Theory]
    [InlineData("KUR_MIKRO", "KUR Mikro")]
    [InlineData("KUR_MIKRO@2024-01-01", "KUR Mikro")]
    [InlineData("PEMBIAYAAN_SYARIAH_KALTARA", "Pembiayaan Syariah UMKM Kalimantan Utara")]
    public void Schemes_read_by_their_name(string code, string name) => Assert.Equal(name, Labels.Scheme(code));

    [Fact]
    public void Every_audit_event_of_the_catalogue_has_Indonesian_words()
    {
        var events = typeof(AuditEvents).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(AuditEvents.StatusPrefix))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.NotEqual(e, Labels.AuditEvent(e)));
        Assert.Equal("Status: Disetujui", Labels.AuditEvent(AuditEvents.Status(ApplicationStatus.Approved)));
        Assert.Equal("unknown.event", Labels.AuditEvent("unknown.event"));
    }
}
