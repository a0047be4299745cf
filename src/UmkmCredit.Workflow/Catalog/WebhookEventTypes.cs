namespace UmkmCredit.Workflow.Catalog;

/// <summary>The webhook event types of API.md ("Governance"), as subscribers name them in <c>Webhooks:Subscribers:{i}:Events</c>.</summary>
public static class WebhookEventTypes
{
    /// <summary>The application was submitted (sent with its first status change, after screening).</summary>
    public const string Submitted = "application.submitted";

    /// <summary>Every status change.</summary>
    public const string StatusChanged = "application.statusChanged";

    /// <summary>A reviewer's decision took effect (approve, reject, revise).</summary>
    public const string ReviewDecided = "review.decided";

    /// <summary>A signer signed.</summary>
    public const string SignatureSigned = "signature.signed";

    /// <summary>A signer declined.</summary>
    public const string SignatureDeclined = "signature.declined";

    /// <summary>Every party signed and the sealed agreement is stored.</summary>
    public const string AgreementCompleted = "agreement.completed";

    /// <summary>Every type.</summary>
    public static IReadOnlyList<string> All { get; } = [Submitted, StatusChanged, ReviewDecided, SignatureSigned, SignatureDeclined, AgreementCompleted];

    /// <summary>Indonesian wording of a type (admin console).</summary>
    public static string Label(string type) => type switch
    {
        Submitted => "Permohonan diajukan",
        StatusChanged => "Status berubah",
        ReviewDecided => "Penilaian diputuskan",
        SignatureSigned => "Perjanjian ditandatangani satu pihak",
        SignatureDeclined => "Penandatanganan ditolak",
        AgreementCompleted => "Perjanjian selesai ditandatangani",
        _ => type,
    };

    /// <summary>Status-page wording of a delivery status (admin console).</summary>
    public static string StatusLabel(string status) => status switch
    {
        "Pending" => "menunggu pengiriman",
        "Delivered" => "terkirim",
        "Failed" => "gagal (dihentikan)",
        _ => status,
    };
}
