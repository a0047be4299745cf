using System.Globalization;
using UmkmCredit.Documents.Layout;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Identity;
using UmkmCredit.Domain.Money;
using static UmkmCredit.Documents.Agreements.Compose;

namespace UmkmCredit.Documents.Agreements;

/// <summary>
/// The agreement's text as blocks. Conventional credit: "PERJANJIAN KERJA SAMA", DEBITUR, bunga. Sharia:
/// "AKAD PEMBIAYAAN MURABAHAH", NASABAH, marjin — the sharia wording never uses the word for interest.
/// </summary>
internal sealed class AgreementDocument
{
    private static readonly NumberFormatInfo Grouping = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NumberGroupSizes = [3] };

    private readonly AgreementModel _m;
    private readonly IReadOnlyList<SignatureRecord>? _signatures;
    private readonly string _contentHash;

    /// <summary>The stamp-duty mark printed with the meterai box, if any.</summary>
    public StampDutyMark? StampDuty { get; init; }

    /// <summary>Width and height of the meterai box (the stamp-duty placement).</summary>
    public const double MeteraiWidth = 58, MeteraiHeight = 36;

    public AgreementDocument(AgreementModel model, IReadOnlyList<SignatureRecord>? signatures, string contentHash)
    {
        _m = model;
        _signatures = signatures;
        _contentHash = contentHash;
    }

    private bool Sharia => _m.IsSharia;

    private string Debtor => Sharia ? "NASABAH" : "DEBITUR";

    private string Facility => Sharia ? "pembiayaan" : "fasilitas kredit";

    private string Charge => Sharia ? "marjin" : "bunga";

    private string Agreement => Sharia ? "Akad" : "Perjanjian";

    public string Title => Sharia ? "AKAD PEMBIAYAAN MURABAHAH" : "PERJANJIAN KERJA SAMA";

    public string Subtitle => Sharia
        ? $"PEMBIAYAAN USAHA MIKRO, KECIL DAN MENENGAH {_m.SchemeName}"
        : $"PEMBERIAN FASILITAS KREDIT USAHA MIKRO, KECIL DAN MENENGAH {_m.SchemeName}";

    public List<Block> Blocks()
    {
        var blocks = new List<Block> { TitleBlock() };
        blocks.AddRange(Parties());
        blocks.AddRange(Recitals());
        blocks.AddRange(Article1Facility());
        blocks.AddRange(Article2Amount());
        blocks.AddRange(Article3Schedule());
        blocks.AddRange(Article4Mentoring());
        blocks.AddRange(Article5Obligations());
        blocks.AddRange(Article6Default());
        blocks.AddRange(Article7Disputes());
        blocks.AddRange(Article8Closing());
        blocks.AddRange(SignatureBlocks());
        blocks.AddRange(VerificationNote());
        return blocks;
    }

    private Table TitleBlock()
    {
        const double qrSize = 66;
        var titleCell = new TableCell(
            Centered(Title, TextStyle.Bold, 16, 2),
            Centered(Subtitle, TextStyle.Bold, 10.5, 3),
            Centered($"Nomor: {_m.Number}", TextStyle.Regular, 10));
        Drawing? qr = QrCode.Create(_m.VerifyUrl, qrSize, TextAlign.Right);
        var qrCell = qr is null
            ? new TableCell(string.Empty)
            : new TableCell(qr, new Paragraph("Pindai untuk verifikasi", TextStyle.Italic) { FontSize = 6.5, Align = TextAlign.Right, LineSpacing = 1.1 });
        return new Table([new TableColumn(18), new TableColumn(64), new TableColumn(18)], [], [new TableRow([new TableCell(string.Empty), titleCell, qrCell])])
        {
            Borders = false,
            PaddingX = 0,
            PaddingY = 0,
            SpaceAfter = 6,
        };
    }

    private IEnumerable<Block> Parties()
    {
        DebtorParty d = _m.Debtor;
        BankParty b = _m.Bank;
        OpdParty o = _m.Opd;
        yield return P(R($"{IndonesianDates.OpeningLine(_m.Date)}, bertempat di {_m.PlaceName}, yang bertanda tangan di bawah ini:"));
        yield return Listed(
            "1.",
            B(b.Name),
            R($", berkedudukan dan beralamat di {b.BranchAddress}, dalam hal ini diwakili oleh "),
            B(b.OfficerName),
            R($" selaku {b.OfficerTitle}, bertindak untuk dan atas nama {b.Name}, selanjutnya disebut “"),
            B("PIHAK PERTAMA"),
            R("” atau “"),
            B("BANK"),
            R("”."));
        string nib = string.IsNullOrWhiteSpace(d.Nib) ? "terdaftar dengan Surat Keterangan Usaha" : $"NIB {d.Nib}";
        yield return Listed(
            "2.",
            B(d.Name),
            R($", NIK {Nik.Mask(d.Nik)}, lahir pada tanggal {IndonesianDates.FormatLong(d.BirthDate)}, bertempat tinggal di {d.Address}, nomor telepon {d.Phone}, dalam hal ini bertindak untuk diri sendiri selaku pemilik usaha "),
            B(d.BusinessName),
            R($" yang beralamat di {d.BusinessAddress}, {nib}, selanjutnya disebut “"),
            B("PIHAK KEDUA"),
            R("” atau “"),
            B(Debtor),
            R("”."));
        yield return Listed(
            "3.",
            B(o.OfficialName),
            R($" selaku {o.OfficialTitle}, dalam hal ini bertindak dalam jabatannya untuk dan atas nama "),
            B(o.AgencyName),
            R(", selanjutnya disebut “"),
            B("PIHAK KETIGA"),
            R("” atau “"),
            B("OPD"),
            R("”."));
        yield return P(
            R("PIHAK PERTAMA, PIHAK KEDUA dan PIHAK KETIGA secara bersama-sama disebut “"),
            B("Para Pihak"),
            R("”. Para Pihak terlebih dahulu menerangkan hal-hal sebagai berikut:"));
    }

    private IEnumerable<Block> Recitals()
    {
        string[] recitals = Sharia
            ?
            [
                $"Bahwa NASABAH adalah pelaku usaha mikro, kecil dan menengah yang menjalankan usaha {_m.Debtor.BusinessName} di wilayah {_m.PlaceName}, Provinsi Kalimantan Utara, dan telah mengajukan permohonan pembiayaan melalui program {_m.SchemeName} dengan nomor permohonan {_m.ApplicationId};",
                "Bahwa OPD telah menilai permohonan tersebut, merekomendasikan NASABAH untuk memperoleh pembiayaan, dan bersedia memberikan pendampingan serta pelatihan usaha kepada NASABAH;",
                "Bahwa BANK bersedia menyediakan barang yang dibutuhkan NASABAH dan menjualnya kepada NASABAH berdasarkan prinsip jual beli murabahah sesuai Fatwa Dewan Syariah Nasional MUI, dengan harga pokok dan marjin yang disepakati serta dibayar secara angsuran;",
                "Bahwa Para Pihak sepakat bahwa seluruh ketentuan Akad ini dilaksanakan sesuai prinsip syariah, tanpa unsur riba, gharar dan maisir.",
            ]
            :
            [
                $"Bahwa DEBITUR adalah pelaku usaha mikro, kecil dan menengah yang menjalankan usaha {_m.Debtor.BusinessName} di wilayah {_m.PlaceName}, Provinsi Kalimantan Utara, dan telah mengajukan permohonan fasilitas kredit melalui program {_m.SchemeName} dengan nomor permohonan {_m.ApplicationId};",
                "Bahwa OPD telah menilai permohonan tersebut, merekomendasikan DEBITUR untuk memperoleh fasilitas kredit, dan bersedia memberikan pendampingan serta pelatihan usaha kepada DEBITUR;",
                "Bahwa BANK bersedia memberikan fasilitas kredit kepada DEBITUR dengan syarat dan ketentuan sebagaimana diatur dalam Perjanjian ini.",
            ];
        for (var i = 0; i < recitals.Length; i++)
        {
            yield return new Paragraph(recitals[i]) { FontSize = Body, Label = Letter(i) + ".", LeftIndent = NumberedIndent, SpaceAfter = 3 };
        }

        yield return P(R($"Berdasarkan hal-hal tersebut di atas, Para Pihak sepakat untuk mengikatkan diri dalam {(Sharia ? "Akad Pembiayaan Murabahah" : "Perjanjian Kerja Sama")} ini (selanjutnya disebut “{Agreement}”) dengan syarat dan ketentuan sebagai berikut:"));
    }

    private string PurposeLabel => _m.Purpose switch
    {
        "investasi" => "investasi",
        _ => "modal kerja",
    };

    private string FacilityKind => (Sharia, _m.Purpose) switch
    {
        (true, "investasi") => "Pembiayaan Murabahah untuk Investasi",
        (true, _) => "Pembiayaan Murabahah untuk Modal Kerja",
        (false, "investasi") => "Kredit Investasi (KI)",
        _ => "Kredit Modal Kerja (KMK)",
    };

    private Instalment? First => _m.Schedule.Instalments.Count > 0 ? _m.Schedule.Instalments[0] : null;

    private Instalment? Last => _m.Schedule.Instalments.Count > 0 ? _m.Schedule.Instalments[^1] : null;

    private string RateText => Sharia
        ? $"{Percent.FormatWithWords(_m.AnnualRatePercent)} per tahun dari harga pokok, tetap selama jangka waktu Akad"
        : $"{Percent.FormatWithWords(_m.AnnualRatePercent)} per tahun, {MethodText}";

    private string MethodText => _m.Schedule.Method switch
    {
        InstalmentMethods.Flat => "dihitung tetap (flat) dari jumlah kredit",
        _ => "efektif, dihitung dari sisa pokok dengan metode anuitas",
    };

    private string TenorText
    {
        get
        {
            string tenor = $"{_m.TenorMonths} ({Terbilang.ToWords(_m.TenorMonths)}) bulan";
            return Last is null ? tenor : $"{tenor}, sejak {IndonesianDates.FormatLong(_m.Date)} sampai dengan {IndonesianDates.FormatLong(Last.DueDate)}";
        }
    }

    private IEnumerable<Block> Article1Facility()
    {
        foreach (Block block in Pasal(1, Sharia ? "Objek Akad dan Tujuan Pembiayaan" : "Fasilitas Kredit dan Tujuan Penggunaan"))
        {
            yield return block;
        }

        yield return Numbered(1, R(Sharia
            ? $"BANK memberikan pembiayaan kepada NASABAH dalam program {_m.SchemeName} berdasarkan akad murabahah, untuk keperluan {PurposeLabel} usaha NASABAH, dengan ringkasan ketentuan sebagaimana tercantum dalam tabel berikut."
            : $"BANK memberikan fasilitas kredit kepada DEBITUR dan DEBITUR menerima fasilitas kredit tersebut dari BANK dalam program {_m.SchemeName}, untuk keperluan {PurposeLabel} usaha DEBITUR, dengan ringkasan ketentuan sebagaimana tercantum dalam tabel berikut."));

        var rows = new List<(string, string)>
        {
            ("Jenis " + (Sharia ? "Pembiayaan" : "Fasilitas"), FacilityKind),
            ("Skema", $"{_m.SchemeName} ({_m.SchemeCode})"),
            (Sharia ? "Harga Pokok" : "Plafon Kredit", Rupiah.FormatWithWords(_m.Amount)),
            (Sharia ? "Marjin" : "Suku Bunga", RateText),
        };
        if (Sharia)
        {
            rows.Add(("Harga Jual", Rupiah.Format(_m.Schedule.TotalPayment)));
        }

        rows.Add(("Jangka Waktu", TenorText));
        if (First is not null)
        {
            rows.Add(("Angsuran per Bulan", $"{Rupiah.Format(First.Payment)}, dibayar setiap tanggal {First.DueDate.Day} mulai {IndonesianDates.FormatLong(First.DueDate)}"));
        }

        rows.Add(("Tujuan Penggunaan", _m.PurposeDescription));
        yield return KeyValues(rows);

        yield return Numbered(2, R($"{Debtor} wajib menggunakan {Facility} semata-mata untuk tujuan sebagaimana dimaksud pada ayat (1) dan dilarang menggunakannya untuk keperluan lain tanpa persetujuan tertulis dari BANK."));
        yield return Numbered(3, R($"Pencairan {Facility} dilakukan oleh BANK ke rekening {Debtor} pada BANK setelah {Agreement} ini ditandatangani oleh Para Pihak dan seluruh persyaratan pencairan dipenuhi."));
    }

    private IEnumerable<Block> Article2Amount()
    {
        foreach (Block block in Pasal(2, Sharia ? "Harga Pokok, Marjin dan Harga Jual" : "Jumlah Kredit dan Suku Bunga"))
        {
            yield return block;
        }

        if (Sharia)
        {
            long margin = _m.Schedule.TotalInterestOrMargin;
            long price = _m.Schedule.TotalPayment;
            yield return Numbered(1, R("Harga pokok barang yang dibeli BANK untuk NASABAH adalah sebesar "), B(Rupiah.Format(_m.Amount)), R($" ({Terbilang.Rupiah(_m.Amount)})."));
            yield return Numbered(2, R($"Marjin keuntungan BANK ditetapkan sebesar {Percent.FormatWithWords(_m.AnnualRatePercent)} per tahun dari harga pokok, seluruhnya sebesar "), B(Rupiah.Format(margin)), R($" ({Terbilang.Rupiah(margin)})."));
            yield return Numbered(3, R("Harga jual yang wajib dibayar NASABAH kepada BANK adalah harga pokok ditambah marjin, yaitu sebesar "), B(Rupiah.Format(price)), R($" ({Terbilang.Rupiah(price)}), yang bersifat tetap dan tidak dapat diubah selama jangka waktu Akad."));
            yield return Numbered(4, R("NASABAH diberi kuasa oleh BANK untuk membeli barang atas nama BANK; kepemilikan barang beralih kepada NASABAH sejak akad jual beli ditandatangani."));
            yield break;
        }

        yield return Numbered(1, R("Jumlah fasilitas kredit yang diberikan BANK kepada DEBITUR adalah sebesar "), B(Rupiah.Format(_m.Amount)), R($" ({Terbilang.Rupiah(_m.Amount)})."));
        yield return Numbered(2, R($"Atas fasilitas kredit tersebut DEBITUR wajib membayar bunga sebesar {Percent.FormatWithWords(_m.AnnualRatePercent)} per tahun, {MethodText}, sesuai ketentuan program {_m.SchemeName} yang berlaku pada saat permohonan disetujui."));
        yield return Numbered(3, R($"Jumlah seluruh bunga selama jangka waktu kredit menurut jadwal angsuran adalah {Rupiah.FormatWithWords(_m.Schedule.TotalInterestOrMargin)}."));
    }

    private IEnumerable<Block> Article3Schedule()
    {
        foreach (Block block in Pasal(3, "Jangka Waktu dan Jadwal Angsuran"))
        {
            yield return block;
        }

        string until = Last is null ? string.Empty : $" sampai dengan {IndonesianDates.FormatLong(Last.DueDate)}";
        yield return Numbered(1, R($"Jangka waktu {Facility} adalah {_m.TenorMonths} ({Terbilang.ToWords(_m.TenorMonths)}) bulan terhitung sejak tanggal {Agreement} ini{until}."));
        yield return Lead(2, R($"{Debtor} wajib membayar angsuran setiap bulan paling lambat pada tanggal jatuh tempo, dengan jumlah sesuai jadwal angsuran berikut:"));
        yield return ScheduleTable();
        yield return Numbered(3, R($"Pembayaran angsuran dilakukan melalui rekening {Debtor} pada BANK. Apabila tanggal jatuh tempo jatuh pada hari libur, pembayaran dilakukan pada hari kerja berikutnya."));
        yield return Numbered(4, R(Sharia
            ? "NASABAH dapat melunasi seluruh kewajiban sebelum jatuh tempo; BANK dapat memberikan potongan pelunasan (muqasah) atas sisa marjin sesuai kebijakan BANK."
            : "DEBITUR dapat melunasi kredit sebelum jatuh tempo tanpa dikenakan denda pelunasan dipercepat; bunga dihitung sampai dengan tanggal pelunasan."));
    }

    private Table ScheduleTable()
    {
        InstalmentSchedule s = _m.Schedule;
        TableRow Header(params string[] texts) => new([.. texts.Select(t => new TableCell(t))]) { Fill = 0.88 };
        var rows = new List<TableRow>(s.Instalments.Count + 1);
        foreach (Instalment i in s.Instalments)
        {
            rows.Add(new TableRow(
            [
                new TableCell(i.Number.ToString(CultureInfo.InvariantCulture)),
                new TableCell(i.DueDate.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)),
                new TableCell(Digits(i.Principal)),
                new TableCell(Digits(i.InterestOrMargin)),
                new TableCell(Digits(i.Payment)),
                new TableCell(Digits(i.RemainingPrincipal)),
            ]));
        }

        rows.Add(new TableRow(
        [
            new TableCell(string.Empty),
            new TableCell("Jumlah", TextStyle.Bold) { Align = TextAlign.Center },
            new TableCell(Digits(s.TotalPrincipal), TextStyle.Bold),
            new TableCell(Digits(s.TotalInterestOrMargin), TextStyle.Bold),
            new TableCell(Digits(s.TotalPayment), TextStyle.Bold),
            new TableCell(string.Empty),
        ]) { Fill = 0.95 });

        return new Table(
            [
                new TableColumn(7, TextAlign.Center),
                new TableColumn(16, TextAlign.Center),
                new TableColumn(19, TextAlign.Right),
                new TableColumn(19, TextAlign.Right),
                new TableColumn(19, TextAlign.Right),
                new TableColumn(20, TextAlign.Right),
            ],
            [Header("No", "Jatuh Tempo", "Pokok (Rp)", Sharia ? "Marjin (Rp)" : "Bunga (Rp)", "Angsuran (Rp)", "Sisa Pokok (Rp)")],
            rows)
        {
            FontSize = 8.5,
            LineSpacing = 1.25,
            PaddingY = 2.2,
            SpaceBefore = 2,
            SpaceAfter = 6,
        };
    }

    private IEnumerable<Block> Article4Mentoring()
    {
        foreach (Block block in Pasal(4, "Pendampingan dan Pelatihan"))
        {
            yield return block;
        }

        IReadOnlyList<string> commitments = _m.Recommendations.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        if (commitments.Count == 0)
        {
            yield return Numbered(1, R($"OPD memberikan pendampingan dan pelatihan usaha kepada {Debtor} selama jangka waktu {Agreement} ini sesuai program pembinaan usaha mikro, kecil dan menengah yang dilaksanakan OPD, sekurang-kurangnya dalam hal pengelolaan keuangan usaha, pemasaran dan legalitas usaha."));
        }
        else
        {
            yield return Lead(1, R($"OPD berkomitmen memberikan pendampingan dan pelatihan kepada {Debtor} selama jangka waktu {Agreement} ini, meliputi:"));
            for (var i = 0; i < commitments.Count; i++)
            {
                yield return Lettered(i, R(commitments[i].Trim() + (i < commitments.Count - 1 ? ";" : ".")));
            }
        }

        yield return Numbered(2, R($"OPD memantau perkembangan usaha {Debtor} dan menyampaikan hasil pemantauan kepada BANK sekurang-kurangnya sekali dalam 6 (enam) bulan."));
        yield return Numbered(3, R($"{Debtor} wajib mengikuti kegiatan pendampingan dan pelatihan yang diselenggarakan OPD dan memberikan data perkembangan usaha yang diperlukan."));
    }

    private IEnumerable<Block> Article5Obligations()
    {
        foreach (Block block in Pasal(5, "Hak dan Kewajiban Para Pihak"))
        {
            yield return block;
        }

        yield return Lead(1, R($"{Debtor} berkewajiban:"));
        string[] debtor =
        [
            $"menggunakan {Facility} sesuai tujuan sebagaimana dimaksud dalam Pasal 1;",
            "membayar angsuran tepat waktu sesuai jadwal angsuran dalam Pasal 3;",
            "menjalankan dan memelihara usahanya dengan baik serta menyimpan catatan keuangan usaha;",
            $"memberitahukan kepada BANK dan OPD secara tertulis setiap perubahan alamat, kepemilikan atau kegiatan usaha paling lambat 14 (empat belas) hari sejak perubahan terjadi;",
            "memberikan keterangan dan dokumen yang benar dan lengkap kepada BANK dan OPD.",
        ];
        for (var i = 0; i < debtor.Length; i++)
        {
            yield return Lettered(i, R(debtor[i]));
        }

        yield return Lead(2, R("BANK berkewajiban:"));
        string[] bank =
        [
            $"mencairkan {Facility} sesuai ketentuan Pasal 1 ayat (3);",
            $"memberikan informasi sisa kewajiban dan jadwal angsuran kepada {Debtor} atas permintaan;",
            $"menjaga kerahasiaan data pribadi {Debtor} sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi.",
        ];
        for (var i = 0; i < bank.Length; i++)
        {
            yield return Lettered(i, R(bank[i]));
        }

        yield return Lead(3, R("OPD berkewajiban:"));
        string[] opd =
        [
            "melaksanakan pendampingan dan pelatihan sebagaimana dimaksud dalam Pasal 4;",
            $"menjaga kerahasiaan data pribadi {Debtor} dan hanya menggunakannya untuk keperluan program.",
        ];
        for (var i = 0; i < opd.Length; i++)
        {
            yield return Lettered(i, R(opd[i]));
        }
    }

    private IEnumerable<Block> Article6Default()
    {
        foreach (Block block in Pasal(6, Sharia ? "Wanprestasi (Cidera Janji)" : "Wanprestasi"))
        {
            yield return block;
        }

        yield return Lead(1, R($"{Debtor} dinyatakan lalai ("), I("wanprestasi"), R(") apabila:"));
        string[] events =
        [
            "tidak membayar angsuran 3 (tiga) kali berturut-turut;",
            $"menggunakan {Facility} tidak sesuai dengan tujuan sebagaimana dimaksud dalam Pasal 1;",
            $"memberikan keterangan yang tidak benar dalam permohonan atau selama jangka waktu {Agreement};",
            "menghentikan usahanya atau dinyatakan pailit.",
        ];
        for (var i = 0; i < events.Length; i++)
        {
            yield return Lettered(i, R(events[i]));
        }

        yield return Numbered(2, R($"Dalam hal terjadi wanprestasi, BANK memberikan surat peringatan sebanyak 3 (tiga) kali dengan tenggang waktu masing-masing 7 (tujuh) hari. Apabila {Debtor} tetap lalai, seluruh kewajiban {Debtor} menjadi jatuh tempo dan dapat ditagih sekaligus."));
        yield return Numbered(3, R(Sharia
            ? "Atas keterlambatan pembayaran karena kelalaian, NASABAH dapat dikenakan denda (ta'zir) yang seluruhnya disalurkan BANK sebagai dana sosial, serta ganti rugi (ta'widh) sebesar biaya riil yang dikeluarkan BANK."
            : "Atas keterlambatan pembayaran angsuran, DEBITUR dikenakan denda sesuai ketentuan program yang berlaku, yang dibayar sekaligus bersama angsuran yang tertunggak."));
        yield return Numbered(4, R($"Sebelum menyatakan wanprestasi, BANK bersama OPD dapat melakukan upaya penyelamatan berupa penjadwalan kembali atau penataan kembali kewajiban {Debtor}."));
    }

    private IEnumerable<Block> Article7Disputes()
    {
        foreach (Block block in Pasal(7, "Penyelesaian Perselisihan dan Domisili"))
        {
            yield return block;
        }

        // Sharia economic disputes belong to the religious courts (UU 3/2006, UU 21/2008, Putusan MK 93/PUU-X/2012).
        string court = _m.CourtName ?? (Sharia ? $"Pengadilan Agama {_m.PlaceName}" : $"Pengadilan Negeri {_m.PlaceName}");
        yield return Numbered(1, R($"Setiap perselisihan yang timbul dari {Agreement} ini diselesaikan terlebih dahulu secara musyawarah untuk mufakat dengan melibatkan OPD."));
        yield return Numbered(2, R($"Apabila musyawarah tidak mencapai mufakat dalam 30 (tiga puluh) hari, Para Pihak sepakat memilih domisili hukum yang tetap dan umum di Kepaniteraan {court}, tanpa mengurangi hak {Debtor} untuk menempuh Lembaga Alternatif Penyelesaian Sengketa Sektor Jasa Keuangan."));
    }

    private IEnumerable<Block> Article8Closing()
    {
        foreach (Block block in Pasal(8, "Penutup"))
        {
            yield return block;
        }

        yield return Numbered(1, R($"Hal-hal yang belum diatur dalam {Agreement} ini akan diatur kemudian oleh Para Pihak dalam addendum yang merupakan bagian tidak terpisahkan dari {Agreement} ini."));
        yield return Numbered(2, R($"{Agreement} ini dibuat sebagai dokumen elektronik dan ditandatangani secara elektronik oleh Para Pihak sesuai Pasal 11 Undang-Undang Informasi dan Transaksi Elektronik dan Peraturan Pemerintah Nomor 71 Tahun 2019, mempunyai kekuatan hukum yang sama dengan dokumen tertulis, dan berlaku sejak ditandatangani oleh seluruh Para Pihak."));
        yield return new Paragraph($"Demikian {Agreement} ini dibuat dan ditandatangani oleh Para Pihak pada hari dan tanggal sebagaimana disebutkan pada awal {Agreement} ini.")
        {
            FontSize = Body,
            SpaceBefore = 4,
            SpaceAfter = 10,
            KeepWithNext = true,
        };
    }

    private IEnumerable<Block> SignatureBlocks()
    {
        double column = PageSetup.A4.ContentWidth / 3;
        double inner = column - 12;
        (string Role, string Capacity, string Organisation, string Name, string Title, string SignerRole, bool Meterai)[] parties =
        [
            ("PIHAK PERTAMA", "BANK", _m.Bank.Name, _m.Bank.OfficerName, _m.Bank.OfficerTitle, "bank", false),
            ("PIHAK KEDUA", Debtor, _m.Debtor.BusinessName, _m.Debtor.Name, "Pemilik Usaha", "applicant", true),
            ("PIHAK KETIGA", "OPD", _m.Opd.AgencyName, _m.Opd.OfficialName, _m.Opd.OfficialTitle, "opd", false),
        ];

        // Four rows so that the signature spaces, names and rules line up across the three parties.
        yield return new Table(
            [new TableColumn(1), new TableColumn(1), new TableColumn(1)],
            [],
            [
                new TableRow([.. parties.Select(p => new TableCell(Centered(p.Role, TextStyle.Bold, 9.5), Centered(p.Capacity, TextStyle.Bold, 9.5), Centered(p.Organisation, TextStyle.Regular, 8.5)))]) { AlignBottom = true },
                new TableRow([.. parties.Select(p => new TableCell(SignatureSpace(inner, p.SignerRole, p.Meterai)))]),
                new TableRow([.. parties.Select(p => new TableCell(Centered(p.Name, TextStyle.Bold, 9.5)))]) { AlignBottom = true },
                new TableRow([.. parties.Select(p => new TableCell(new Drawing(inner, 3, [DrawOp.LineBetween(0, 1, inner, 1, 0.6)]), Centered(p.Title, TextStyle.Regular, 8.5)))]),
            ])
        {
            Borders = false,
            KeepTogether = true,
            KeepWithNext = true, // the verification note below never sits alone on a page
            PaddingX = 6,
            PaddingY = 0,
            SpaceAfter = 8,
        };
    }

    /// <summary>The space above a signer's name: the meterai placeholder for the debtor, the e-signature stamp once signed.</summary>
    private Drawing SignatureSpace(double width, string role, bool meterai)
    {
        const double height = 66;
        var ops = new List<DrawOp>();
        SignatureRecord? signature = _signatures?.FirstOrDefault(s => string.Equals(s.Role, role, StringComparison.OrdinalIgnoreCase));
        if (meterai)
        {
            const double boxW = MeteraiWidth, boxH = MeteraiHeight;
            double x = (width - boxW) / 2, y = 6;
            ops.Add(DrawOp.Stroke(x, y, boxW, boxH, 0.5, 0.35));
            ops.AddRange(TextLayout.SingleLine("Meterai", TextStyle.Italic, 7, x, y + 15, boxW, TextAlign.Center));
            ops.AddRange(TextLayout.SingleLine("Rp10.000", TextStyle.Italic, 7, x, y + 25, boxW, TextAlign.Center));
            if (StampDuty is { } duty)
            {
                string line = duty.Note is { } note ? $"{note} ({duty.Serial})" : duty.Serial;
                ops.AddRange(TextLayout.SingleLine(line, TextStyle.Italic, 5.5, 0, y + boxH + 6, width, TextAlign.Center).Select(o => o with { Gray = 0.3 }));
            }
        }

        if (signature is not null)
        {
            double y = meterai ? (StampDuty is null ? 52 : 57) : 30;
            double step = meterai && StampDuty is not null ? 8 : 9;
            double gray = 0.25;
            ops.AddRange(Gray(TextLayout.SingleLine("Ditandatangani secara elektronik", TextStyle.Italic, 7, 0, y, width, TextAlign.Center), gray));
            ops.AddRange(Gray(TextLayout.SingleLine(Wita.FormatTimestamp(signature.SignedAtUtc), TextStyle.Italic, 7, 0, y + step, width, TextAlign.Center), gray));
        }

        return new Drawing(width, height, ops) { Align = TextAlign.Center };

        static IEnumerable<DrawOp> Gray(IEnumerable<DrawOp> ops, double gray) => ops.Select(o => o with { Gray = gray });
    }

    private IEnumerable<Block> VerificationNote()
    {
        double width = PageSetup.A4.ContentWidth;
        yield return new Drawing(width, 5, [DrawOp.LineBetween(0, 2, width, 2, 0.4, 0.4)]) { SpaceBefore = 4, KeepWithNext = true };
        yield return new Paragraph($"Verifikasi keaslian: pindai kode QR pada halaman 1 atau kunjungi {_m.VerifyUrl}") { FontSize = 7.5, Align = TextAlign.Left, LineSpacing = 1.3, Gray = 0.2, KeepWithNext = true };
        yield return new Paragraph($"Sidik jari isi dokumen (SHA-256): {_contentHash}") { FontSize = 7.5, Align = TextAlign.Left, LineSpacing = 1.3, Gray = 0.2 };
    }

    private static string Digits(long amount) => amount.ToString("#,0", Grouping);
}
