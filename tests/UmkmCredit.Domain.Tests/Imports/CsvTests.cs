using System.Text;
using UmkmCredit.Domain.Imports;

namespace UmkmCredit.Domain.Tests.Imports;

public sealed class CsvTests
{
    private static CsvTable Read(string text, int maxRows = 10) =>
        Csv.TryRead(Encoding.UTF8.GetBytes(text), maxRows, out var error, out _) ?? throw new InvalidOperationException(error);

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var table = Read("a,b,c\r\n\"Jl. Yos Sudarso, Tarakan\",\"Usaha \"\"Amplang\"\"\",\"baris\r\nkedua\"\r\n");

        Assert.Equal(["a", "b", "c"], table.Header);
        var row = Assert.Single(table.Rows);
        Assert.Equal(["Jl. Yos Sudarso, Tarakan", "Usaha \"Amplang\"", "baris\r\nkedua"], row.Fields);
        Assert.Equal(1, row.Number);
    }

    [Fact]
    public void Byte_order_mark_LF_endings_blank_lines_and_semicolons_are_read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("a;b\n1;2\n\n3;4")).ToArray();

        var table = Csv.TryRead(bytes, 10, out _, out _)!;

        Assert.Equal(["a", "b"], table.Header);
        Assert.Equal([["1", "2"], ["3", "4"]], table.Rows.Select(r => r.Fields.ToArray()));
        Assert.Equal([1, 2], table.Rows.Select(r => r.Number));
    }

    [Fact]
    public void Missing_trailing_fields_read_as_empty()
    {
        var table = Read("a,b,c\n1\n");

        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "", ["c"] = "" }, Csv.ByColumn(table.Header, table.Rows[0]));
    }

    [Theory]
    [InlineData("", Csv.HeaderError)]
    [InlineData("\r\n\r\n", Csv.HeaderError)]
    [InlineData("a,b\n\"tidak ditutup,2\n", Csv.QuoteError)]
    [InlineData("a,b\n\"x\"y,2\n", Csv.QuoteError)]
    [InlineData("a\n1\n2\n3\n", Csv.TooManyRowsError)]
    public void Bad_files_are_refused_with_a_code(string text, string code)
    {
        Assert.Null(Csv.TryRead(Encoding.UTF8.GetBytes(text), 2, out var error, out _));
        Assert.Equal(code, error);
    }

    [Fact]
    public void Text_that_is_not_UTF8_is_refused()
    {
        Assert.Null(Csv.TryRead(new byte[] { 0x61, 0x0A, 0xC3, 0x28 }, 10, out var error, out _));
        Assert.Equal(Csv.EncodingError, error);
    }

    [Fact]
    public void A_row_s_text_is_the_same_however_it_was_quoted_and_differs_when_a_field_differs()
    {
        var a = Read("x,y\n1,\"2\"\n").Rows[0].Text;
        var b = Read("x,y\n\"1\",2\n").Rows[0].Text;
        var c = Read("x,y\n1,3\n").Rows[0].Text;

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}
