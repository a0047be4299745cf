using System.Net;
using System.Text;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Calendar;
using UmkmCredit.Domain.Money;
using UmkmCredit.Workflow.Ports;
using static UmkmCredit.Workflow.Catalog.WorkflowNames;

namespace UmkmCredit.Workflow.Notifications;

/// <summary>Indonesian labels of the statuses, shown to people.</summary>
public static class StatusLabels
{
    /// <summary>The label of a status.</summary>
    public static string Of(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => "Diajukan",
        ApplicationStatus.AwaitingDocuments => "Menunggu kelengkapan dokumen",
        ApplicationStatus.InReview => "Dalam penilaian OPD",
        ApplicationStatus.RevisionRequested => "Perlu perbaikan",
        ApplicationStatus.Approved => "Disetujui",
        ApplicationStatus.AwaitingSignatures => "Menunggu tanda tangan",
        ApplicationStatus.Completed => "Selesai — perjanjian ditandatangani",
        ApplicationStatus.Rejected => "Ditolak",
        ApplicationStatus.Declined => "Penandatanganan ditolak",
        ApplicationStatus.Expired => "Kedaluwarsa",
        ApplicationStatus.Withdrawn => "Ditarik oleh pemohon",
        ApplicationStatus.Cancelled => "Dibatalkan oleh admin",
        _ => status.ToString(),
    };
}

/// <summary>Builds the plain-text and HTML bodies of every message. No NIK, no OTP in logs; links are absolute.</summary>
public static class Messages
{
    /// <summary>Status change to the applicant.</summary>
    public static OutgoingMessage StatusChanged(
        string email, string name, string applicationId, ApplicationStatus status, string? note,
        DateTime? deadlineUtc, IReadOnlyList<string> reasons, string statusUrl, string? reference = null)
    {
        var lines = new List<string>
        {
            $"Yth. {name},",
            string.Empty,
            $"Status permohonan kredit UMKM Anda ({reference ?? applicationId}) sekarang: {StatusLabels.Of(status)}.",
        };
        if (reference is not null)
        {
            lines.Add($"Nomor permohonan: {reference} (kode sistem {applicationId}).");
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            lines.Add($"Catatan: {note}");
        }

        if (reasons.Count > 0)
        {
            lines.Add("Alasan:");
            lines.AddRange(reasons.Select(r => "- " + r));
        }

        if (deadlineUtc is { } d)
        {
            lines.Add($"Batas waktu: {Wita.FormatTimestamp(d)}.");
        }

        lines.Add(string.Empty);
        lines.Add($"Lihat status: {statusUrl}");
        return Build(email, name, (reference is null ? $"Status permohonan {applicationId}: {StatusLabels.Of(status)}" : $"Status permohonan {reference} ({applicationId}): {StatusLabels.Of(status)}"), lines, statusUrl, "Lihat status permohonan");
    }

    /// <summary>A review request (new, reminder, escalation or reassignment) to an OPD official.</summary>
    public static OutgoingMessage ReviewRequest(
        string email, string name, string applicationId, string businessName, string regencyName, long amount,
        DateTime deadlineUtc, string reviewUrl, string kind)
    {
        var subject = kind switch
        {
            LinkMailKinds.Reminder => $"Pengingat: penilaian permohonan {applicationId}",
            LinkMailKinds.Escalation => $"Eskalasi: penilaian permohonan {applicationId} melewati batas waktu",
            LinkMailKinds.SecondLevel => $"Persetujuan tingkat kedua: permohonan {applicationId}",
            _ => $"Permohonan kredit UMKM untuk dinilai: {applicationId}",
        };
        var lines = new List<string>
        {
            $"Yth. {name},",
            string.Empty,
            kind switch
            {
                LinkMailKinds.Escalation => "Penilaian permohonan berikut belum diputuskan sampai batas waktunya dan dialihkan kepada Bapak/Ibu.",
                LinkMailKinds.SecondLevel => "Penilai pertama menyetujui permohonan berikut di atas batas kewenangannya. Mohon Bapak/Ibu memberikan keputusan tingkat kedua.",
                _ => "Mohon menilai permohonan kredit UMKM berikut.",
            },
            $"Usaha: {businessName} ({regencyName})",
            $"Nilai yang diajukan: {Rupiah.Format(amount)}",
            $"Batas waktu: {Wita.FormatTimestamp(deadlineUtc)}",
            string.Empty,
            $"Buka tautan penilaian (sekali pakai): {reviewUrl}",
        };
        return Build(email, name, subject, lines, reviewUrl, "Buka halaman penilaian");
    }

    /// <summary>A signing request (new or reminder).</summary>
    public static OutgoingMessage SigningRequest(string email, string name, string roleLabel, string agreementNumber, DateTime deadlineUtc, string signUrl, string kind)
    {
        var subject = kind == LinkMailKinds.Reminder
            ? $"Pengingat: tanda tangani perjanjian {agreementNumber}"
            : $"Perjanjian {agreementNumber} menunggu tanda tangan Anda";
        var lines = new List<string>
        {
            $"Yth. {name},",
            string.Empty,
            $"Perjanjian kerja sama kredit UMKM nomor {agreementNumber} siap ditandatangani oleh Bapak/Ibu sebagai {roleLabel}.",
            "Buka tautan di bawah ini, baca draf perjanjian, minta kode OTP, lalu tanda tangani atau tolak.",
            $"Batas waktu: {Wita.FormatTimestamp(deadlineUtc)}",
            string.Empty,
            $"Tautan penandatanganan (pribadi, jangan diteruskan): {signUrl}",
        };
        return Build(email, name, subject, lines, signUrl, "Buka halaman penandatanganan");
    }

    /// <summary>The one-time code for signing. The code appears only in the message, never in a log.</summary>
    public static OutgoingMessage Otp(string email, string name, string agreementNumber, string code, string signUrl)
    {
        var lines = new List<string>
        {
            $"Yth. {name},",
            string.Empty,
            $"Kode OTP: {code}",
            $"Kode ini untuk menandatangani perjanjian {agreementNumber} dan berlaku 10 menit. Jangan berikan kode ini kepada siapa pun.",
            string.Empty,
            $"Halaman penandatanganan: {signUrl}",
        };
        return Build(email, name, $"Kode OTP penandatanganan perjanjian {agreementNumber}", lines, signUrl, "Kembali ke halaman penandatanganan");
    }

    /// <summary>The agreement is signed by everyone.</summary>
    public static OutgoingMessage AgreementCompleted(string email, string name, string agreementNumber, string downloadUrl, string verifyUrl)
    {
        var lines = new List<string>
        {
            $"Yth. {name},",
            string.Empty,
            $"Perjanjian {agreementNumber} telah ditandatangani oleh semua pihak.",
            $"Unduh perjanjian yang telah ditandatangani: {downloadUrl}",
            $"Periksa keaslian dokumen: {verifyUrl}",
        };
        return Build(email, name, $"Perjanjian {agreementNumber} telah ditandatangani", lines, downloadUrl, "Unduh perjanjian");
    }

    /// <summary>A signer declined: every party is told.</summary>
    public static OutgoingMessage AgreementDeclined(string email, string name, string agreementNumber, string declinedBy, string reason, string link)
    {
        var lines = new List<string>
        {
            $"Yth. {name},",
            string.Empty,
            $"Penandatanganan perjanjian {agreementNumber} dihentikan karena {declinedBy} menolak menandatangani.",
            $"Alasan: {reason}",
            string.Empty,
            $"Informasi: {link}",
        };
        return Build(email, name, $"Perjanjian {agreementNumber} tidak ditandatangani", lines, link, "Lihat informasi");
    }

    private static OutgoingMessage Build(string to, string toName, string subject, List<string> lines, string link, string linkLabel)
    {
        var text = string.Join("\n", lines) + "\n\n-- \nUmkmCredit · Program Kredit UMKM Provinsi Kalimantan Utara\n";
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"id\"><body style=\"font-family:sans-serif;line-height:1.5\">");
        foreach (var line in lines.Where(l => !l.Contains(link, StringComparison.Ordinal)))
        {
            html.Append(line.Length == 0 ? "<br>" : $"<p style=\"margin:0\">{WebUtility.HtmlEncode(line)}</p>");
        }

        html.Append($"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(linkLabel)}</a></p>");
        html.Append("<p style=\"color:#666;font-size:12px\">UmkmCredit · Program Kredit UMKM Provinsi Kalimantan Utara</p></body></html>");
        return new OutgoingMessage(to, toName, subject, text, html.ToString());
    }

    /// <summary>The status link asked for on the "Lupa tautan?" page, to the address on file.</summary>
    public static OutgoingMessage StatusLink(string email, string name, string reference, string statusUrl)
    {
        var lines = new List<string>
        {
            $"Yth. {name},",
            string.Empty,
            $"Seseorang (semoga Anda sendiri) meminta tautan status permohonan kredit UMKM {reference}.",
            "Buka tautan berikut untuk melihat dan melanjutkan permohonan Anda. Jangan bagikan tautan ini kepada orang lain.",
            string.Empty,
            $"Lihat status: {statusUrl}",
            string.Empty,
            "Jika Anda tidak memintanya, abaikan e-mail ini.",
        };
        return Build(email, name, $"Tautan status permohonan {reference}", lines, statusUrl, "Lihat status permohonan");
    }
}
