using System.Globalization;
using System.Text;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Money;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Catalog;

namespace UmkmCredit.Api.Pages;

/// <summary>What a person typed (by JSON path) and the messages to show at each field.</summary>
public sealed class FormState
{
    /// <summary>An empty form.</summary>
    public static FormState Empty => new(new Dictionary<string, string>(StringComparer.Ordinal), []);

    /// <summary>A form with values and messages.</summary>
    public FormState(IReadOnlyDictionary<string, string> values, IReadOnlyList<ValidationError> errors)
    {
        Values = values;
        Errors = errors;
    }

    /// <summary>Values as typed, by field name.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Messages, by field path.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>The value of a field, or empty.</summary>
    public string Value(string name) => Values.TryGetValue(name, out var v) ? v : string.Empty;

    /// <summary>The messages at a field.</summary>
    public IEnumerable<string> At(string name) => Errors.Where(e => e.Path == name).Select(e => e.Message).Distinct(StringComparer.Ordinal);

    /// <summary>The prefilled values of a stored application (for the resubmission form).</summary>
    public static FormState From(CreditApplication app)
    {
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var v = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["applicant.nik"] = app.Applicant.Nik, ["applicant.fullName"] = app.Applicant.FullName, ["applicant.birthDate"] = D(app.Applicant.BirthDate),
            ["applicant.gender"] = app.Applicant.Gender, ["applicant.phone"] = app.Applicant.Phone, ["applicant.email"] = app.Applicant.Email,
            ["applicant.address"] = app.Applicant.Address, ["business.name"] = app.Business.Name, ["business.nib"] = app.Business.Nib ?? string.Empty,
            ["business.sku"] = app.Business.Sku ?? string.Empty, ["business.npwp"] = app.Business.Npwp ?? string.Empty, ["business.sector"] = app.Business.Sector,
            ["business.regency"] = app.Business.RegencyCode, ["business.address"] = app.Business.Address, ["business.startedOn"] = D(app.Business.StartedOn),
            ["business.employees"] = app.Business.Employees.ToString(CultureInfo.InvariantCulture),
            ["business.monthlyRevenue"] = app.Business.MonthlyRevenue.ToString(CultureInfo.InvariantCulture),
            ["business.halalCertified"] = app.Business.HalalCertified ? "true" : string.Empty,
            ["request.scheme"] = app.Request.SchemeCode, ["request.amount"] = app.Request.Amount.ToString(CultureInfo.InvariantCulture),
            ["request.tenorMonths"] = app.Request.TenorMonths.ToString(CultureInfo.InvariantCulture), ["request.purpose"] = app.Request.Purpose,
            ["request.description"] = app.Request.Description, ["request.collateral"] = app.Request.Collateral ?? string.Empty,
            ["consent.whatsapp"] = app.WhatsAppConsent ? "true" : string.Empty,
        };
        return new FormState(v, []);
    }
}

/// <summary>The application's fields as a page form: labels from the catalogue, values kept, messages at their fields.</summary>
public static class ApplicationFormFields
{
    /// <summary>Fields that hold whole numbers (dots and spaces typed as thousands separators are accepted).</summary>
    public static IReadOnlySet<string> NumberFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "business.employees", "business.monthlyRevenue", "request.amount", "request.tenorMonths", "request.priorKurCount",
    };

    /// <summary>Check boxes (a ticked box posts <c>true</c>).</summary>
    public static IReadOnlySet<string> CheckFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "business.halalCertified", "consent.dataProcessing", "consent.whatsapp",
    };

    /// <summary>Every text field of the application (JSON paths).</summary>
    public static IReadOnlyList<string> TextFields { get; } =
    [
        "applicant.nik", "applicant.fullName", "applicant.birthDate", "applicant.gender", "applicant.phone", "applicant.email", "applicant.address",
        "business.name", "business.nib", "business.sku", "business.npwp", "business.sector", "business.regency", "business.address", "business.startedOn",
        "business.employees", "business.monthlyRevenue", "request.scheme", "request.amount", "request.tenorMonths", "request.purpose",
        "request.description", "request.priorKurCount", "request.collateral",
    ];

    /// <summary>The GOV.UK-style summary: every message, each linking to its field.</summary>
    public static void Summary(StringBuilder sb, FormState state, Func<string, string> anchor)
    {
        if (state.Errors.Count == 0)
        {
            return;
        }

        sb.Append("<div class=\"errors\" id=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>Ada yang perlu diperbaiki</h2><ul>");
        foreach (var e in state.Errors.DistinctBy(e => (e.Path, e.Message)))
        {
            sb.Append("<li><a href=\"#").Append(Html.E(anchor(e.Path))).Append("\">").Append(Html.E(e.Message)).Append("</a></li>");
        }

        sb.Append("</ul></div>");
    }

    /// <summary>The id of a field's input (file fields are <c>doc-{kind}</c>).</summary>
    public static string Anchor(string path) => DocumentKinds.IsKnown(path) ? "doc-" + path : path;

    /// <summary>The applicant, business, request and consent fields.</summary>
    public static void Fields(StringBuilder sb, FormState s, SchemeCatalog schemes, DateOnly today)
    {
        sb.Append("<h2>Data pemohon</h2>");
        Input(sb, s, "applicant.nik", "NIK (16 digit) *", "text", "inputmode=\"numeric\" maxlength=\"16\" autocomplete=\"off\"");
        Input(sb, s, "applicant.fullName", "Nama lengkap sesuai KTP *", "text", "autocomplete=\"name\" maxlength=\"100\"");
        sb.Append("<div class=\"row\"><div>");
        Input(sb, s, "applicant.birthDate", "Tanggal lahir *", "date", string.Empty);
        sb.Append("</div><div>");
        Select(sb, s, "applicant.gender", "Jenis kelamin *", [("L", "Laki-laki"), ("P", "Perempuan")]);
        sb.Append("</div></div>");
        Input(sb, s, "applicant.phone", "Nomor HP *", "tel", "autocomplete=\"tel\" placeholder=\"08…\"");
        Input(sb, s, "applicant.email", "E-mail *", "email", "autocomplete=\"email\"");
        Input(sb, s, "applicant.address", "Alamat rumah *", "text", "maxlength=\"250\"");
        sb.Append("<h2>Data usaha</h2>");
        Input(sb, s, "business.name", "Nama usaha *", "text", "maxlength=\"100\"");
        Input(sb, s, "business.nib", "NIB (13 digit, jika ada)", "text", "inputmode=\"numeric\" maxlength=\"13\"");
        Input(sb, s, "business.sku", "Nomor Surat Keterangan Usaha (jika tidak punya NIB)", "text", "maxlength=\"100\"");
        Input(sb, s, "business.npwp", "NPWP (jika ada)", "text", "inputmode=\"numeric\"");
        Select(sb, s, "business.sector", "Sektor usaha *", Labels.AllSectors);
        Select(sb, s, "business.regency", "Kabupaten/kota lokasi usaha *", Domain.Regions.Regencies.All.Select(r => (r.Code, r.Name)).ToList());
        Input(sb, s, "business.address", "Alamat usaha *", "text", "maxlength=\"250\"");
        sb.Append("<div class=\"row\"><div>");
        Input(sb, s, "business.startedOn", "Mulai usaha *", "date", string.Empty);
        sb.Append("</div><div>");
        Input(sb, s, "business.employees", "Jumlah pekerja *", "text", "inputmode=\"numeric\"");
        sb.Append("</div></div>");
        Input(sb, s, "business.monthlyRevenue", "Omzet per bulan (Rp) *", "text", "inputmode=\"numeric\"");
        Check(sb, s, "business.halalCertified", "Produk bersertifikat halal");
        sb.Append("<h2>Kredit yang diajukan</h2>");
        var schemeOptions = schemes.Codes.Select(c => schemes.Find(c, today)).OfType<SchemeVersion>()
            .Select(v => (v.Code, $"{v.Name} ({Rupiah.Format(v.MinAmount)} – {Rupiah.Format(v.MaxAmount)})")).ToList();
        Select(sb, s, "request.scheme", "Skema *", schemeOptions);
        Input(sb, s, "request.amount", "Nilai (Rp) *", "text", "inputmode=\"numeric\"");
        Input(sb, s, "request.tenorMonths", "Jangka waktu (bulan) *", "text", "inputmode=\"numeric\"");
        Select(sb, s, "request.purpose", "Tujuan *", [("modal-kerja", Labels.Purpose("modal-kerja")), ("investasi", Labels.Purpose("investasi"))]);
        sb.Append("<label for=\"request.description\">Uraian penggunaan *</label>");
        Messages(sb, s, "request.description");
        sb.Append("<textarea id=\"request.description\" name=\"request.description\" maxlength=\"1000\"").Append(Invalid(s, "request.description")).Append('>')
          .Append(Html.E(s.Value("request.description"))).Append("</textarea>");
        if (Estimate(schemes, s.Value("request.scheme"), s.Value("request.amount"), s.Value("request.tenorMonths"), today) is { } estimate)
        {
            sb.Append("<p class=\"muted\" id=\"estimate\">").Append(Html.E(estimate)).Append("</p>");
        }

        Requirements(sb, schemes, today);
    }

    /// <summary>
    /// The consent boxes. The WhatsApp opt-in is optional, starts unticked, and is offered only when the programme
    /// sends WhatsApp messages at all (<paramref name="offerWhatsApp"/>): no promise the system cannot keep.
    /// </summary>
    public static void Consent(StringBuilder sb, FormState s, bool offerWhatsApp)
    {
        sb.Append("<h2>Persetujuan</h2>");
        Check(sb, s, "consent.dataProcessing", "Saya menyetujui pemrosesan data pribadi saya untuk keperluan permohonan kredit ini sesuai UU No. 27 Tahun 2022. *");
        if (offerWhatsApp)
        {
            Check(sb, s, "consent.whatsapp", "Kirim juga pesan status permohonan saya lewat WhatsApp ke nomor HP yang saya isi.");
        }
    }

    /// <summary>One file field per document kind, with its messages.</summary>
    public static void Files(StringBuilder sb, FormState s, IEnumerable<string> kinds)
    {
        sb.Append("<p class=\"muted\">PDF, JPEG atau PNG, paling besar 10 MB per berkas. Foto dari kamera HP boleh.</p>");
        foreach (var kind in kinds)
        {
            var id = "doc-" + kind;
            sb.Append("<label for=\"").Append(id).Append("\">").Append(Html.E(Labels.DocumentKind(kind))).Append("</label>");
            Messages(sb, s, kind);
            sb.Append("<input type=\"file\" id=\"").Append(id).Append("\" name=\"").Append(kind).Append("\" data-kind=\"").Append(kind)
              .Append("\" accept=\"application/pdf,image/jpeg,image/png\"").Append(Invalid(s, kind)).Append('>');
        }
    }

    /// <summary>"Perkiraan angsuran …" for a scheme, amount and tenor (the Domain's calculator), or null when they are incomplete.</summary>
    public static string? Estimate(SchemeCatalog schemes, string scheme, string amountText, string tenorText, DateOnly today, int priorKur = 0)
    {
        if (schemes.Find(scheme, today) is not { } version
            || !long.TryParse(Digits(amountText), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0
            || !int.TryParse(Digits(tenorText), NumberStyles.None, CultureInfo.InvariantCulture, out var months) || months is <= 0 or > 120)
        {
            return null;
        }

        var rate = version.AnnualRatePercentFor(priorKur);
        var first = today.AddMonths(1);
        var schedule = version.IsSharia
            ? InstalmentCalculator.Murabahah(amount, rate, months, first)
            : InstalmentCalculator.Annuity(amount, rate, months, first);
        var payment = schedule.Instalments.Count > 0 ? schedule.Instalments[0].Payment : 0;
        var kind = version.IsSharia ? "margin" : "bunga";
        return $"Perkiraan angsuran: {Rupiah.Format(payment)} per bulan selama {months} bulan ({kind} {rate.ToString("0.##", CultureInfo.GetCultureInfo("id-ID"))}% per tahun, total {Rupiah.Format(schedule.TotalPayment)}). Angka pasti ada di perjanjian.";
    }

    /// <summary>The required documents of a scheme version for an amount, as sentences ("KTP", "NIB atau SKU").</summary>
    public static IReadOnlyList<(IReadOnlyList<string> AnyOf, string Text)> Required(SchemeVersion version, long amount) =>
        version.DocumentsFor(amount).Select(d => (d.AnyOf, string.Join(" atau ", d.AnyOf.Select(Labels.DocumentKind)))).ToList();

    /// <summary>Keeps digits only (people type 50.000.000).</summary>
    public static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    private static void Requirements(StringBuilder sb, SchemeCatalog schemes, DateOnly today)
    {
        sb.Append("<details class=\"card\" id=\"requirements\"><summary>Dokumen wajib per skema</summary>");
        foreach (var version in schemes.Codes.Select(c => schemes.Find(c, today)).OfType<SchemeVersion>())
        {
            sb.Append("<p><strong>").Append(Html.E(version.Name)).Append("</strong></p><ul data-scheme=\"").Append(Html.E(version.Code)).Append("\">");
            foreach (var d in version.Documents)
            {
                sb.Append("<li>").Append(Html.E(string.Join(" atau ", d.AnyOf.Select(Labels.DocumentKind))));
                if (d.WhenAmountAbove is { } above)
                {
                    sb.Append(" (untuk nilai di atas ").Append(Html.E(Rupiah.Format(above))).Append(')');
                }

                sb.Append("</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("</details>");
    }

    private static string Invalid(FormState s, string name) => s.At(name).Any() ? " aria-invalid=\"true\" aria-describedby=\"err-" + Html.E(name) + "\"" : string.Empty;

    private static void Messages(StringBuilder sb, FormState s, string name)
    {
        var messages = s.At(name).ToList();
        if (messages.Count > 0)
        {
            sb.Append("<p class=\"error\" id=\"err-").Append(Html.E(name)).Append("\" data-error=\"").Append(Html.E(name)).Append("\">")
              .Append(Html.E(string.Join(" ", messages)));
            if (s.Errors.Any(e => e.Path == name && e.Code == Domain.Governance.ActiveApplicationRule.Code))
            {
                sb.Append(" <a id=\"lookup-link\" href=\"/api/lookup\">Lupa tautan?</a>"); // the way back to the running application
            }

            sb.Append("</p>");
        }
    }

    /// <summary>A text-like input.</summary>
    public static void Input(StringBuilder sb, FormState s, string name, string label, string type, string attributes)
    {
        sb.Append("<label for=\"").Append(name).Append("\">").Append(Html.E(label)).Append("</label>");
        Messages(sb, s, name);
        sb.Append("<input type=\"").Append(type).Append("\" id=\"").Append(name).Append("\" name=\"").Append(name).Append("\" value=\"")
          .Append(Html.E(s.Value(name))).Append("\" ").Append(attributes).Append(Invalid(s, name)).Append('>');
    }

    private static void Select(StringBuilder sb, FormState s, string name, string label, IReadOnlyList<(string Value, string Text)> options)
    {
        sb.Append("<label for=\"").Append(name).Append("\">").Append(Html.E(label)).Append("</label>");
        Messages(sb, s, name);
        sb.Append("<select id=\"").Append(name).Append("\" name=\"").Append(name).Append('"').Append(Invalid(s, name)).Append("><option value=\"\">— pilih —</option>");
        var current = s.Value(name);
        foreach (var (value, text) in options)
        {
            sb.Append("<option value=\"").Append(Html.E(value)).Append('"').Append(value == current ? " selected" : string.Empty).Append('>')
              .Append(Html.E(text)).Append("</option>");
        }

        sb.Append("</select>");
    }

    private static void Check(StringBuilder sb, FormState s, string name, string label)
    {
        Messages(sb, s, name);
        var on = s.Value(name) is "true" or "on" or "ya";
        sb.Append("<label class=\"check\"><input type=\"checkbox\" value=\"true\" id=\"").Append(name).Append("\" name=\"").Append(name).Append('"')
          .Append(on ? " checked" : string.Empty).Append(Invalid(s, name)).Append("> ").Append(Html.E(label)).Append("</label>");
    }

    /// <summary>Today in WITA.</summary>
    public static DateOnly Today(TimeProvider time) => Wita.TodayFromUtc(time.GetUtcNow().UtcDateTime);
}
