namespace UmkmCredit.Infrastructure.Storage;

/// <summary><c>Storage:*</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Storage";

    /// <summary>Azure Storage connection string; Azurite by default.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Blob endpoint for identity-based access (no shared keys); used with <see cref="Credential"/>.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Table endpoint for identity-based access.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary><c>managedidentity</c> to authenticate with the (user-assigned, see <see cref="ClientId"/>) managed identity.</summary>
    public string? Credential { get; set; }

    /// <summary>Client id of the user-assigned identity.</summary>
    public string? ClientId { get; set; }

    /// <summary>Prefix for table names, so several hubs can share one account (tests); empty in production.</summary>
    public string TablePrefix { get; set; } = string.Empty;
}

/// <summary>Container and table names of ARCHITECTURE.md.</summary>
public static class StorageNames
{
    /// <summary>Submitted applications.</summary>
    public const string Applications = "applications";

    /// <summary>Uploaded documents.</summary>
    public const string Documents = "documents";

    /// <summary>Agreement PDFs.</summary>
    public const string Agreements = "agreements";

    /// <summary>Audit trails (append blobs).</summary>
    public const string Audit = "audit";

    /// <summary>Bulk-import files as sent.</summary>
    public const string Imports = "imports";

    /// <summary>All containers.</summary>
    public static IReadOnlyList<string> Containers { get; } = [Applications, Documents, Agreements, Audit, Imports];

    /// <summary>Read model table.</summary>
    public const string IndexTable = "applicationindex";

    /// <summary>Action links table.</summary>
    public const string LinksTable = "actionlinks";

    /// <summary>Idempotency keys table.</summary>
    public const string IdempotencyTable = "idempotency";

    /// <summary>Agreement number counters.</summary>
    public const string NumbersTable = "agreementnumbers";

    /// <summary>One-time codes of signing links.</summary>
    public const string OtpTable = "signingotps";

    /// <summary>Signed agreements by id and by hash, for verification.</summary>
    public const string VerificationTable = "agreementverification";

    /// <summary>One row per NIK naming its active application (one active application per NIK).</summary>
    public const string NikClaimsTable = "nikclaims";

    /// <summary>Webhook delivery log (partition = application).</summary>
    public const string WebhookTable = "webhookdeliveries";

    /// <summary>Bulk imports: one partition per import, its record and one row per CSV row.</summary>
    public const string ImportsTable = "imports";

    /// <summary>All tables.</summary>
    public static IReadOnlyList<string> Tables { get; } = [IndexTable, LinksTable, IdempotencyTable, NumbersTable, OtpTable, VerificationTable, NikClaimsTable, WebhookTable, ImportsTable];
}
