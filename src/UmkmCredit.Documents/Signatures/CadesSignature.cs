using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace UmkmCredit.Documents.Signatures;

/// <summary>
/// A signing certificate and its private key. The key may live elsewhere (an <see cref="RSA"/> whose
/// <c>SignHash</c> calls a key vault): only <c>SignHash</c> is ever used.
/// </summary>
/// <param name="Certificate">The signer's certificate (no private key needed).</param>
/// <param name="PrivateKey">The key that signs (RSA or ECDSA).</param>
/// <param name="Chain">Issuer certificates to embed (the CA, intermediates), without the root if unwanted.</param>
public sealed record SigningCredential(X509Certificate2 Certificate, AsymmetricAlgorithm PrivateKey, IReadOnlyList<X509Certificate2> Chain);

/// <summary>Builds the detached CAdES signature (PAdES baseline) of PDF bytes.</summary>
public static class CadesSignature
{
    /// <summary>OID of id-aa-signingCertificateV2 (RFC 5035).</summary>
    public const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";

    /// <summary>OID of id-aa-signatureTimeStampToken (RFC 3161 appendix A).</summary>
    public const string SignatureTimeStampOid = "1.2.840.113549.1.9.16.2.14";

    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    /// <summary>
    /// Signs <paramref name="data"/> (the PDF's byte ranges): SHA-256, signed attributes contentType,
    /// messageDigest and signingCertificateV2 (no signingTime: PAdES takes the time from <c>/M</c> or the
    /// timestamp); with a <paramref name="timeStamps"/> authority, the RFC 3161 token over the signature
    /// value as the unsigned attribute signature-time-stamp.
    /// </summary>
    public static async Task<byte[]> SignAsync(byte[] data, SigningCredential credential, ITimeStampAuthority? timeStamps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(credential);
        var cms = new SignedCms(new ContentInfo(data), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, credential.Certificate, credential.PrivateKey)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        foreach (X509Certificate2 issuer in credential.Chain)
        {
            signer.Certificates.Add(issuer);
        }

        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2Oid, SigningCertificateV2(credential.Certificate)));
        cms.ComputeSignature(signer, silent: true);
        if (timeStamps is not null)
        {
            SignerInfo info = cms.SignerInfos[0];
            byte[] nonce = RandomNumberGenerator.GetBytes(8);
            nonce[0] &= 0x7F; // a positive INTEGER
            Rfc3161TimestampRequest request = Rfc3161TimestampRequest.CreateFromSignerInfo(info, HashAlgorithmName.SHA256, nonce: nonce, requestSignerCertificates: true);
            byte[] response = await timeStamps.RequestAsync(request.Encode(), cancellationToken).ConfigureAwait(false);
            Rfc3161TimestampToken token;
            try
            {
                token = request.ProcessResponse(response, out _);
            }
            catch (CryptographicException e)
            {
                throw new TimeStampException("The time-stamp authority's answer is not a valid token for this request: " + e.Message, e);
            }

            info.AddUnsignedAttribute(new AsnEncodedData(SignatureTimeStampOid, token.AsSignedCms().Encode()));
        }

        return cms.Encode();
    }

    /// <summary>DER of SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with the SHA-256 (default algorithm) of the certificate and its issuer/serial.</summary>
    internal static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteOctetString(SHA256.HashData(certificate.RawData));
                    using (writer.PushSequence())
                    {
                        using (writer.PushSequence())
                        {
                            // GeneralName directoryName [4] EXPLICIT Name
                            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                            {
                                writer.WriteEncodedValue(certificate.IssuerName.RawData);
                            }
                        }

                        writer.WriteInteger(certificate.SerialNumberBytes.Span);
                    }
                }
            }
        }

        return writer.Encode();
    }
}

/// <summary>A time-stamp authority did not answer, or answered with something that is not a token.</summary>
public sealed class TimeStampException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TimeStampException(string message, Exception? inner = null) : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TimeStampException() : base("The time-stamp authority failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public TimeStampException(string message) : base(message)
    {
    }
}
