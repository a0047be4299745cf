using UmkmCredit.Documents.Agreements;

namespace UmkmCredit.Documents.Tests;

public sealed class LongScheduleTests
{
    [Fact]
    public void Sixty_month_table_spans_pages_with_the_header_repeated()
    {
        AgreementModel model = SampleAgreements.Conventional(months: 60, amount: 100_000_000) with { Purpose = "investasi" };
        byte[] pdf = AgreementRenderer.RenderDraft(model);
        Pdf.Save(pdf, "draft-60.pdf");
        IReadOnlyList<string> pages = Pdf.PageTexts(pdf);

        var pagesWithRows = new List<int>();
        for (var p = 0; p < pages.Count; p++)
        {
            if (model.Schedule.Instalments.Any(i => pages[p].Contains(i.DueDate.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)))
            {
                pagesWithRows.Add(p);
            }
        }

        Assert.True(pagesWithRows.Count >= 2, $"the table should span pages, found rows on {pagesWithRows.Count}");
        Assert.All(pagesWithRows, p => Assert.Contains("No Jatuh Tempo Pokok (Rp) Bunga (Rp) Angsuran (Rp) Sisa Pokok (Rp)", pages[p], StringComparison.Ordinal));
        Assert.Contains("Kredit Investasi (KI)", string.Join(" ", pages), StringComparison.Ordinal);
        Assert.Contains("60 (enam puluh) bulan", string.Join(" ", pages), StringComparison.Ordinal);
    }
}
