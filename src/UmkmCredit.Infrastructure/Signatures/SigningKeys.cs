using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmkmCredit.Documents.Signatures;

namespace UmkmCredit.Infrastructure.Signatures;

/// <summary>
/// The programme's signing credential, chosen by configuration: a PKCS#12 file, a Key Vault key, or (nothing
/// configured) a development CA created on first use under <c>Signing:DataDirectory</c> and said so in the log.
/// </summary>
public sealed partial class SigningKeys(IOptions<DocumentSigningOptions> options, TimeProvider time, ILogger<SigningKeys> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SigningCredential? _credential;
    private DevelopmentPki? _development;

    /// <summary>The credential that signs (loads or creates it once).</summary>
    public async Task<SigningCredential> CredentialAsync(CancellationToken cancellationToken = default)
    {
        if (_credential is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _credential ??= await LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The development PKI (created on first use); for the local time-stamp authority.</summary>
    public DevelopmentPki Development()
    {
        _gate.Wait();
        try
        {
            return _development ??= LoadOrCreateDevelopment();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SigningCredential> LoadAsync(CancellationToken cancellationToken)
    {
        SigningCertificateOptions c = options.Value.Certificate;
        if (!string.IsNullOrWhiteSpace(c.Path))
        {
            X509Certificate2Collection all = X509CertificateLoader.LoadPkcs12CollectionFromFile(c.Path, c.Password, X509KeyStorageFlags.EphemeralKeySet);
            X509Certificate2 leaf = all.FirstOrDefault(x => x.HasPrivateKey) ?? throw new InvalidOperationException($"{c.Path} holds no certificate with a private key.");
            var key = (System.Security.Cryptography.AsymmetricAlgorithm?)leaf.GetRSAPrivateKey() ?? leaf.GetECDsaPrivateKey()
                ?? throw new InvalidOperationException($"The key in {c.Path} is neither RSA nor ECDSA.");
            LogLoaded(logger, leaf.Subject, "PKCS#12 file");
            return new SigningCredential(leaf, key, [.. all.Where(x => !ReferenceEquals(x, leaf))]);
        }

        if (c.KeyVaultKeyId is { } keyId)
        {
            var credential = new Azure.Identity.ManagedIdentityCredential(string.IsNullOrEmpty(c.ClientId)
                ? Azure.Identity.ManagedIdentityId.SystemAssigned
                : Azure.Identity.ManagedIdentityId.FromUserAssignedClientId(c.ClientId));
            HttpClient http = SignatureHttp.Client;
            X509Certificate2 certificate = await KeyVaultRsa.CertificateAsync(http, credential, keyId, cancellationToken).ConfigureAwait(false);
            LogLoaded(logger, certificate.Subject, "Key Vault");
            return new SigningCredential(certificate, new KeyVaultRsa(http, credential, keyId, certificate), []);
        }

        _development ??= LoadOrCreateDevelopment();
        return _development.SigningCredential();
    }

    private DevelopmentPki LoadOrCreateDevelopment()
    {
        string directory = Path.GetFullPath(Path.Combine(options.Value.DataDirectory, "pki"));
        if (DevelopmentPki.Exists(directory))
        {
            LogDevelopmentLoaded(logger, directory);
            return DevelopmentPki.Load(directory);
        }

        // Created in a scratch folder and renamed into place, so concurrent first runs agree on one CA.
        DevelopmentPki created = DevelopmentPki.Create(options.Value.Organisation, time.GetUtcNow());
        string scratch = directory + ".tmp-" + Guid.NewGuid().ToString("N");
        created.Save(scratch);
        try
        {
            Directory.Move(scratch, directory);
            LogDevelopmentCreated(logger, directory);
            return created;
        }
        catch (IOException) when (DevelopmentPki.Exists(directory))
        {
            Directory.Delete(scratch, recursive: true);
            return DevelopmentPki.Load(directory);
        }
    }

    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Signing with {Subject} from {Source}.")]
    private static partial void LogLoaded(ILogger logger, string subject, string source);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "No signing certificate configured: created a DEVELOPMENT certificate authority, signing and time-stamping certificates in {Directory} (trusted by nobody; configure Signing:Certificate for production).")]
    private static partial void LogDevelopmentCreated(ILogger logger, string directory);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "No signing certificate configured: using the DEVELOPMENT certificate authority in {Directory}.")]
    private static partial void LogDevelopmentLoaded(ILogger logger, string directory);
}
