using System.Text;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Sikp;

namespace UmkmCredit.Domain.Tests.Sikp;

public sealed class SikpExportTests
{
    private static CreditApplication Siti() => new(
        new Applicant("6571015508900003", "Siti Aminah", new DateOnly(1990, 8, 15), "P", "+6281234567890", "siti@example.id", "Jl. Yos Sudarso No. 10, Tarakan"),
        new Business("Amplang Bu Siti", "9120301234567", null, null, "kuliner", "6571", "Jl. Mulawarman No. 5, Tarakan", new DateOnly(2019, 5, 1), 3, 15_000_000, true),
        new CreditRequest("KUR_MIKRO", 50_000_000, 24, "modal-kerja", "Pembelian bahan baku dan kemasan", 0, null),
        new DateTime(2026, 6, 15, 1, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Encode_the_API_example_gives_exactly_these_bytes()
    {
        var bytes = SikpExport.Encode([SikpCalonDebitur.From(Siti())]);

        var expected = Encoding.ASCII.GetBytes(
            "nik|nama|tgl_lahir|jns_kelamin|alamat|kode_kabkota|kode_pos|npwp|mulai_usaha|alamat_usaha|ijin_usaha|modal_usaha|jml_pekerja|jml_kredit|no_hp|uraian_agunan\r\n"
            + "6571015508900003|Siti Aminah|15081990|2|Jl. Yos Sudarso No. 10, Tarakan|6571|||01052019|Jl. Mulawarman No. 5, Tarakan|9120301234567||3|50000000|081234567890|\r\n");
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void OncePerNik_keeps_the_latest_application_of_each_person_in_submission_order()
    {
        var t0 = new DateTime(2026, 6, 1, 1, 0, 0, DateTimeKind.Utc);
        var siti = SikpCalonDebitur.From(Siti());
        var budi = siti with { Nik = "6502011203850007", Nama = "Budi Santoso" };
        var candidates = new[]
        {
            new SikpCandidate("a-first", t0, siti with { JumlahKredit = 10_000_000 }),
            new SikpCandidate("b-budi", t0.AddHours(1), budi),
            new SikpCandidate("c-latest", t0.AddDays(3), siti with { JumlahKredit = 30_000_000 }),
            new SikpCandidate("d-middle", t0.AddDays(2), siti with { JumlahKredit = 20_000_000 }),
        };

        var chosen = SikpExport.OncePerNik(candidates);

        Assert.Equal(["b-budi", "c-latest"], chosen.Select(c => c.ApplicationId));
        Assert.Equal(30_000_000, chosen[1].Row.JumlahKredit);
        Assert.Single(SikpExport.Format(chosen.Select(c => c.Row)).Split("\r\n"), l => l.StartsWith(siti.Nik, StringComparison.Ordinal));
    }

    [Fact]
    public void OncePerNik_breaks_a_tie_in_time_by_application_id()
    {
        var t0 = new DateTime(2026, 6, 1, 1, 0, 0, DateTimeKind.Utc);
        var row = SikpCalonDebitur.From(Siti());

        var chosen = SikpExport.OncePerNik([new SikpCandidate("b", t0, row), new SikpCandidate("a", t0, row)]);

        Assert.Equal("b", Assert.Single(chosen).ApplicationId);
    }

    [Fact]
    public void Encode_without_rows_is_the_header_alone_and_has_no_byte_order_mark()
    {
        var bytes = SikpExport.Encode([]);

        Assert.Equal(Encoding.ASCII.GetBytes(SikpExport.Header + "\r\n"), bytes);
        Assert.Equal((byte)'n', bytes[0]);
        Assert.Equal(16, SikpExport.Header.Split('|').Length);
    }

    [Fact]
    public void FormatLine_a_man_with_npwp_sku_postcode_and_collateral()
    {
        var app = new CreditApplication(
            new Applicant("6502011203850007", "Budi Santoso", new DateOnly(1985, 3, 12), "L", "+6285250001111", "budi@example.id", "Jl. Sengkawit RT 05, Tanjung Selor 77212"),
            new Business("Bengkel Budi", null, "503/123/SKU/2024", "0123456789012345", "jasa", "6502", "Jl. Katamso No. 7", new DateOnly(2015, 11, 30), 12, 40_000_000, false),
            new CreditRequest("KUR_KECIL", 150_000_000, 36, "investasi", "Mesin bubut", 1, "BPKB mobil pikap 2019"),
            null);

        var line = SikpExport.FormatLine(SikpCalonDebitur.From(app));

        Assert.Equal("6502011203850007|Budi Santoso|12031985|1|Jl. Sengkawit RT 05, Tanjung Selor 77212|6502|77212|0123456789012345|30112015|Jl. Katamso No. 7|503/123/SKU/2024||12|150000000|085250001111|BPKB mobil pikap 2019", line);
    }

    [Fact]
    public void FormatLine_never_lets_a_separator_or_line_break_through()
    {
        var app = Siti() with
        {
            Applicant = Siti().Applicant with { FullName = "Siti | Aminah", Address = "Jl. Yos Sudarso No. 10\r\nRT 3 | RW 1\n\tTarakan  " },
            Request = Siti().Request with { Collateral = "Sertifikat\u2028tanah|rumah" },
        };

        var line = SikpExport.FormatLine(SikpCalonDebitur.From(app));

        Assert.DoesNotContain('\r', line);
        Assert.DoesNotContain('\n', line);
        Assert.Equal(16, line.Split('|').Length);
        var fields = line.Split('|');
        Assert.Equal("Siti / Aminah", fields[1]);
        Assert.Equal("Jl. Yos Sudarso No. 10 RT 3 / RW 1 Tarakan", fields[4]);
        Assert.Equal("Sertifikat tanah/rumah", fields[15]);
    }

    [Fact]
    public void Non_ASCII_names_are_written_as_UTF8()
    {
        var app = Siti() with { Applicant = Siti().Applicant with { FullName = "Ni Luh Putu Ayu Déwi" } };

        var bytes = SikpExport.Encode([SikpCalonDebitur.From(app)]);

        Assert.Contains("|Ni Luh Putu Ayu Déwi|", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.True(bytes.AsSpan().IndexOf("D\u00e9wi"u8) > 0, "é is written as the two UTF-8 bytes C3 A9");
    }

    [Theory]
    [InlineData("Jl. Mulawarman No. 5, Tarakan", "")]
    [InlineData("Jl. Mulawarman No. 5, Tarakan 77111", "77111")]
    [InlineData("Kode pos 77111, Jl. A No. 123456", "77111")]
    [InlineData("Blok 12345 Kav 77552", "77552")]
    public void PostalCode_is_the_last_standalone_five_digit_number(string address, string expected) =>
        Assert.Equal(expected, SikpExport.PostalCode(address));

    [Fact]
    public void FileName_carries_the_range() =>
        Assert.Equal("sikp-calon-debitur-20260601-20260630.txt", SikpExport.FileName(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30)));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"klik\")", "'=HYPERLINK(\"http://x\",\"klik\")")]
    [InlineData("+6281234", "'+6281234")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+1", "'=1+1")] // a leading tab is folded away, the formula still neutralised
    [InlineData("\r\n+1", "'+1")]
    [InlineData("Siti = Aminah", "Siti = Aminah")]
    [InlineData("Toko 50-an", "Toko 50-an")]
    public void Values_that_a_spreadsheet_would_run_as_formulas_get_a_leading_apostrophe(string value, string expected) =>
        Assert.Equal(expected, SikpExport.Clean(value));

    [Fact]
    public void A_formula_in_a_name_is_text_in_the_exported_line()
    {
        var app = Siti() with { Applicant = Siti().Applicant with { FullName = "=HYPERLINK(\"http://evil\")" } };

        var line = SikpExport.FormatLine(SikpCalonDebitur.From(app));

        Assert.Equal("'=HYPERLINK(\"http://evil\")", line.Split('|')[1]);
    }
}
