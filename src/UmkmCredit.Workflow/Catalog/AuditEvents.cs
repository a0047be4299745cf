using UmkmCredit.Domain.Applications;

namespace UmkmCredit.Workflow.Catalog;

/// <summary>
/// The one catalogue of audit event names (the <c>Event</c> of an <see cref="Ports.AuditEntry"/>) with the
/// Indonesian wording people read in the admin console and the certificate of completion.
/// </summary>
public static class AuditEvents
{
    /// <summary>The application was stored.</summary>
    public const string ApplicationSubmitted = "application.submitted";

    /// <summary>The applicant sent a revision.</summary>
    public const string ApplicationResubmitted = "application.resubmitted";

    /// <summary>A document was uploaded or replaced.</summary>
    public const string DocumentUploaded = "document.uploaded";

    /// <summary>A reviewer opened a document.</summary>
    public const string DocumentViewed = "document.viewed";

    /// <summary>A reviewer opened the review page.</summary>
    public const string ReviewViewed = "review.viewed";

    /// <summary>A reviewer decided.</summary>
    public const string ReviewDecided = "review.decided";

    /// <summary>An approval above the reviewer's limit went to the supervisor (second level).</summary>
    public const string ReviewSecondLevelOpened = "review.secondLevelOpened";

    /// <summary>The supervisor decided the second level.</summary>
    public const string ReviewSecondLevelDecided = "review.secondLevelDecided";

    /// <summary>A pending link was sent again.</summary>
    public const string ReminderSent = "reminder.sent";

    /// <summary>The draft agreement was stored.</summary>
    public const string AgreementDrafted = "agreement.drafted";

    /// <summary>A signer opened the agreement PDF.</summary>
    public const string AgreementViewed = "agreement.viewed";

    /// <summary>The signed agreement was stored.</summary>
    public const string AgreementSigned = "agreement.signed";

    /// <summary>A signer opened the signing page.</summary>
    public const string SigningViewed = "signing.viewed";

    /// <summary>A one-time code was sent.</summary>
    public const string OtpSent = "signing.otpSent";

    /// <summary>A signer signed.</summary>
    public const string SignatureSigned = "signature.signed";

    /// <summary>A signer declined.</summary>
    public const string SignatureDeclined = "signature.declined";

    /// <summary>An administrator opened the whole record.</summary>
    public const string AdminViewed = "admin.viewed";

    /// <summary>An administrator reassigned the review.</summary>
    public const string AdminReassigned = "admin.reassigned";

    /// <summary>An administrator cancelled.</summary>
    public const string AdminCancelled = "admin.cancelled";

    /// <summary>An administrator exported the application in a SIKP file.</summary>
    public const string AdminExported = "admin.exported";

    /// <summary>An administrator asked for a webhook delivery to be sent again.</summary>
    public const string AdminWebhookRedelivered = "admin.webhookRedelivered";

    /// <summary>The applicant opted in to status messages by WhatsApp (detail: given for the masked number, or withdrawn in a revision).</summary>
    public const string WhatsAppConsentGiven = "consent.whatsapp";

    /// <summary>A status message went out by WhatsApp.</summary>
    public const string WhatsAppSent = "notification.whatsappSent";

    /// <summary>A status message could not be sent by WhatsApp (the e-mail went out).</summary>
    public const string WhatsAppFailed = "notification.whatsappFailed";

    /// <summary>The applicant downloaded their data (UU 27/2022 PDP, access right).</summary>
    public const string ApplicationExported = "application.exported";

    /// <summary>The applicant's personal data and documents were erased at their request (tombstone; no personal data).</summary>
    public const string ApplicationErased = "application.erased";

    /// <summary>The retention period ran out: personal data, documents and engine history purged (tombstone).</summary>
    public const string ApplicationPurged = "application.purged";

    /// <summary>Prefix of status changes (<c>status.Approved</c>, …).</summary>
    public const string StatusPrefix = "status.";

    /// <summary>The event of a status change.</summary>
    public static string Status(ApplicationStatus to) => StatusPrefix + to;

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [ApplicationSubmitted] = "Permohonan diajukan",
        [ApplicationResubmitted] = "Perbaikan permohonan dikirim",
        [DocumentUploaded] = "Dokumen diunggah",
        [DocumentViewed] = "Dokumen dibuka penilai",
        [ReviewViewed] = "Halaman penilaian dibuka",
        [ReviewDecided] = "Keputusan penilaian dicatat",
        [ReviewSecondLevelOpened] = "Persetujuan tingkat kedua diminta",
        [ReviewSecondLevelDecided] = "Keputusan penilaian tingkat kedua dicatat",
        [ReminderSent] = "Pengingat dikirim",
        [AgreementDrafted] = "Rancangan perjanjian dibuat",
        [AgreementViewed] = "Perjanjian dibuka penanda tangan",
        [AgreementSigned] = "Perjanjian bertanda tangan disimpan",
        [SigningViewed] = "Halaman tanda tangan dibuka",
        [OtpSent] = "Kode OTP dikirim",
        [SignatureSigned] = "Perjanjian ditandatangani",
        [SignatureDeclined] = "Penandatanganan ditolak",
        [AdminViewed] = "Data lengkap dibuka admin",
        [AdminReassigned] = "Penilai dialihkan admin",
        [AdminCancelled] = "Permohonan dibatalkan admin",
        [AdminExported] = "Diekspor ke berkas SIKP",
        [AdminWebhookRedelivered] = "Webhook dikirim ulang atas permintaan admin",
        [WhatsAppConsentGiven] = "Pilihan pesan status lewat WhatsApp dicatat",
        [WhatsAppSent] = "Pesan status dikirim lewat WhatsApp",
        [WhatsAppFailed] = "Pesan WhatsApp gagal dikirim",
        [ApplicationExported] = "Data pribadi diunduh pemohon",
        [ApplicationErased] = "Data pribadi dihapus atas permintaan pemohon",
        [ApplicationPurged] = "Data pribadi dihapus karena masa simpan berakhir",
    };

    /// <summary>The Indonesian wording of an event (status changes read "Status: Disetujui").</summary>
    public static string Label(string @event)
    {
        if (Labels.TryGetValue(@event, out var label))
        {
            return label;
        }

        return @event.StartsWith(StatusPrefix, StringComparison.Ordinal) && Enum.TryParse<ApplicationStatus>(@event[StatusPrefix.Length..], out var status)
            ? "Status: " + status.Label()
            : @event;
    }
}

/// <summary>Actor names written into the audit trail for people without an id of their own.</summary>
public static class AuditActors
{
    /// <summary>The applicant.</summary>
    public const string Applicant = "applicant";

    /// <summary>A programme administrator.</summary>
    public const string Admin = "admin";

    /// <summary>The workflow itself (timers, screening).</summary>
    public const string System = "system";
}
