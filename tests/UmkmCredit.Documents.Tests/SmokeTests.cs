using UmkmCredit.Documents.Agreements;

namespace UmkmCredit.Documents.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Draft_is_written()
    {
        byte[] pdf = AgreementRenderer.RenderDraft(SampleAgreements.Conventional());
        File.WriteAllBytes(Path.Combine(TestPaths.Artifacts, "draft.pdf"), pdf);
        File.WriteAllBytes(Path.Combine(TestPaths.Artifacts, "sharia.pdf"), AgreementRenderer.RenderDraft(SampleAgreements.Sharia()));
        Assert.True(pdf.Length > 1000);
    }
}
