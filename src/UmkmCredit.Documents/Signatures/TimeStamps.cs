using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;
using BcX509 = Org.BouncyCastle.X509;

namespace UmkmCredit.Documents.Signatures;

/// <summary>An RFC 3161 time-stamp authority: DER <c>TimeStampReq</c> in, DER <c>TimeStampResp</c> out.</summary>
public interface ITimeStampAuthority
{
    /// <summary>Sends a request; throws <see cref="TimeStampException"/> when the authority cannot be reached or refuses.</summary>
    Task<byte[]> RequestAsync(byte[] request, CancellationToken cancellationToken = default);
}

/// <summary>A time-stamp authority over HTTP (RFC 3161 §3.4: <c>application/timestamp-query</c>).</summary>
public sealed class HttpTimeStampAuthority(HttpClient http, Uri url) : ITimeStampAuthority
{
    /// <summary>The authority's address.</summary>
    public Uri Url { get; } = url;

    /// <inheritdoc />
    public async Task<byte[]> RequestAsync(byte[] request, CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(request);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        try
        {
            using HttpResponseMessage response = await http.PostAsync(Url, content, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new TimeStampException($"The time-stamp authority {Url} answered {(int)response.StatusCode}.");
            }

            return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new TimeStampException($"The time-stamp authority {Url} cannot be reached: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeStampException($"The time-stamp authority {Url} did not answer in time.", e);
        }
    }
}

/// <summary>
/// A time-stamp authority in this process (development and tests): signs RFC 3161 tokens with a certificate
/// that has the critical timeStamping extended key usage. Serial numbers are random 64-bit values.
/// </summary>
public sealed class LocalTimeStampAuthority : ITimeStampAuthority
{
    private const string PolicyOid = "1.3.6.1.4.1.99999.15.1"; // a private, development-only policy id

    private readonly TimeStampTokenGenerator _generator;
    private readonly TimeStampResponseGenerator _responder;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    /// <summary>Creates the authority from its certificate (with an exportable RSA private key) and the issuing CA.</summary>
    public LocalTimeStampAuthority(X509Certificate2 certificate, X509Certificate2? issuer, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using RSA rsa = certificate.GetRSAPrivateKey() ?? throw new ArgumentException("The time-stamp certificate needs an RSA private key.", nameof(certificate));
        AsymmetricKeyParameter key = DotNetUtilities.GetRsaKeyPair(rsa.ExportParameters(true)).Private;
        BcX509.X509Certificate bcCert = new BcX509.X509CertificateParser().ReadCertificate(certificate.RawData);
        _generator = new TimeStampTokenGenerator(key, bcCert, NistObjectIdentifiers.IdSha256.Id, PolicyOid); // adds signingCertificateV2 itself
        var certs = new List<BcX509.X509Certificate> { bcCert };
        if (issuer is not null)
        {
            certs.Add(new BcX509.X509CertificateParser().ReadCertificate(issuer.RawData));
        }

        _generator.SetCertificates(CollectionUtilities.CreateStore(certs));
        _responder = new TimeStampResponseGenerator(_generator, TspAlgorithms.Allowed);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Number of tokens issued (for logs and tests).</summary>
    public int Issued { get; private set; }

    /// <inheritdoc />
    public Task<byte[]> RequestAsync(byte[] request, CancellationToken cancellationToken = default) => Task.FromResult(Respond(request));

    /// <summary>Answers one DER request with a DER response (a rejection response for a malformed request).</summary>
    public byte[] Respond(byte[] request)
    {
        ArgumentNullException.ThrowIfNull(request);
        TimeStampRequest parsed;
        try
        {
            parsed = new TimeStampRequest(request);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or TspException)
        {
            return _responder.GenerateFailResponse(Org.BouncyCastle.Asn1.Cmp.PkiStatus.Rejection, Org.BouncyCastle.Asn1.Cmp.PkiFailureInfo.BadDataFormat, "malformed request").GetEncoded();
        }

        var serial = new BigInteger(1, RandomNumberGenerator.GetBytes(8));
        lock (_lock)
        {
            Issued++;
            return _responder.Generate(parsed, serial, _time.GetUtcNow().UtcDateTime).GetEncoded();
        }
    }
}
