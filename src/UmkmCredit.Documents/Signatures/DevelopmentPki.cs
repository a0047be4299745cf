using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace UmkmCredit.Documents.Signatures;

/// <summary>
/// A development public-key infrastructure: a certificate authority, a signing (seal) certificate and a
/// time-stamping certificate it issued. Trusted by nobody; made so that signatures can be produced and
/// checked end to end without a real provider. Never for production.
/// </summary>
/// <param name="Authority">The self-signed CA (with its key).</param>
/// <param name="Signing">The document-signing certificate (with its key).</param>
/// <param name="TimeStamping">The time-stamping certificate (with its key; critical timeStamping EKU).</param>
public sealed record DevelopmentPki(X509Certificate2 Authority, X509Certificate2 Signing, X509Certificate2 TimeStamping)
{
    private const string FileCa = "ca.pfx";
    private const string FileSigning = "signing.pfx";
    private const string FileTsa = "tsa.pfx";

    /// <summary>Creates a fresh CA and its two leaf certificates (RSA 2048, SHA-256).</summary>
    public static DevelopmentPki Create(string organisation, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organisation);
        using RSA caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest(Name($"{organisation} Development CA (untrusted)", organisation), caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using X509Certificate2 selfSigned = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        X509Certificate2 ca = X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);

        X509Certificate2 signing = Issue(ca, Name($"{organisation} Segel Elektronik (development)", organisation), now,
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.36"), new Oid("1.3.6.1.5.5.7.3.4")], false));
        X509Certificate2 tsa = Issue(ca, Name($"{organisation} Time-Stamp Authority (development)", organisation), now,
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], true));
        return new DevelopmentPki(ca, signing, tsa);
    }

    /// <summary>The signing credential (signing certificate, its key, the CA as chain).</summary>
    public SigningCredential SigningCredential() =>
        new(Signing, Signing.GetRSAPrivateKey() ?? throw new InvalidOperationException("The signing certificate has no private key."), [Authority]);

    /// <summary>An in-process time-stamp authority with the time-stamping certificate.</summary>
    public LocalTimeStampAuthority TimeStampAuthority(TimeProvider? time = null) => new(TimeStamping, Authority, time);

    /// <summary>True when a PKI was saved in <paramref name="directory"/>.</summary>
    public static bool Exists(string directory) =>
        File.Exists(Path.Combine(directory, FileCa)) && File.Exists(Path.Combine(directory, FileSigning)) && File.Exists(Path.Combine(directory, FileTsa));

    /// <summary>Saves the three certificates with their keys (PKCS#12, no password) and the CA as PEM (<c>ca.crt</c>).</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "ca.crt"), Authority.ExportCertificatePem());
        File.WriteAllBytes(Path.Combine(directory, FileCa), Authority.Export(X509ContentType.Pfx));
        File.WriteAllBytes(Path.Combine(directory, FileTsa), TimeStamping.Export(X509ContentType.Pfx));
        File.WriteAllBytes(Path.Combine(directory, FileSigning), Signing.Export(X509ContentType.Pfx)); // last: Exists() means complete
    }

    /// <summary>Loads a PKI saved with <see cref="Save"/>.</summary>
    public static DevelopmentPki Load(string directory) => new(
        LoadFile(Path.Combine(directory, FileCa)),
        LoadFile(Path.Combine(directory, FileSigning)),
        LoadFile(Path.Combine(directory, FileTsa)));

    private static X509Certificate2 LoadFile(string path) =>
        X509CertificateLoader.LoadPkcs12(File.ReadAllBytes(path), null, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);

    private static X500DistinguishedName Name(string commonName, string organisation)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCountryOrRegion("ID");
        builder.AddOrganizationName(organisation);
        builder.AddCommonName(commonName);
        return builder.Build();
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, X500DistinguishedName subject, DateTimeOffset now, X509EnhancedKeyUsageExtension usage)
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(usage);
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        byte[] serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using X509Certificate2 issued = request.Create(ca, now.AddDays(-1), now.AddYears(5), serial);
        using X509Certificate2 withKey = issued.CopyWithPrivateKey(key);
        // Round-trip through PKCS#12 so the key is usable independently of the disposed RSA object.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
    }
}
