namespace UmkmCredit.Infrastructure.Signatures;

/// <summary><c>Signing:*</c> keys about PDF signatures (the signing order lives in the workflow's <c>SigningOptions</c>).</summary>
public sealed class DocumentSigningOptions
{
    /// <summary>Configuration section (shared with the workflow's signing options).</summary>
    public const string Section = "Signing";

    /// <summary>The programme's signing certificate; none configured → a development CA under <see cref="DataDirectory"/>.</summary>
    public SigningCertificateOptions Certificate { get; set; } = new();

    /// <summary>RFC 3161 time-stamp authority; none → the server's loopback authority (development CA).</summary>
    public Uri? TimestampUrl { get; set; }

    /// <summary>Where the development CA, signing and TSA certificates are created on first run (never in the repository).</summary>
    public string DataDirectory { get; set; } = Path.Combine(".data", "signing");

    /// <summary>The signature provider: <c>local</c> (the programme's certificate); a PSrE adapter registers its own name.</summary>
    public string Provider { get; set; } = "local";

    /// <summary>Name in the seal and the development certificates.</summary>
    public string Organisation { get; set; } = "UmkmCredit Kaltara";
}

/// <summary><c>Signing:Certificate:*</c>.</summary>
public sealed class SigningCertificateOptions
{
    /// <summary>PKCS#12 file with the certificate, its key and its chain.</summary>
    public string? Path { get; set; }

    /// <summary>Password of <see cref="Path"/>.</summary>
    public string? Password { get; set; }

    /// <summary>Key Vault key id (<c>https://{vault}.vault.azure.net/keys/{name}/{version}</c>) of a Key Vault certificate's key; the key never leaves the vault.</summary>
    public Uri? KeyVaultKeyId { get; set; }

    /// <summary>Client id of the user-assigned managed identity used for Key Vault (else the system-assigned one).</summary>
    public string? ClientId { get; set; }
}
