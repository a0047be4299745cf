using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;
using Azure.Core;

namespace UmkmCredit.Infrastructure.Signatures;

/// <summary>
/// An RSA key that lives in Azure Key Vault: <see cref="SignHash"/> calls the vault's <c>sign</c> operation
/// (REST API 7.4, RS256 over a SHA-256 digest) and the private key never leaves the vault. The Key Vault
/// keys SDK is not served to this project, so the one call is made over HTTP with an Entra ID token.
/// </summary>
public sealed class KeyVaultRsa : RSA
{
    private const string ApiVersion = "7.4";
    private static readonly string[] Scopes = ["https://vault.azure.net/.default"];

    private readonly HttpClient _http;
    private readonly TokenCredential _credential;
    private readonly Uri _keyId;
    private readonly RSA _publicKey;

    /// <summary>Creates the key from its id and the certificate that holds its public half.</summary>
    public KeyVaultRsa(HttpClient http, TokenCredential credential, Uri keyId, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        _http = http;
        _credential = credential;
        _keyId = keyId;
        _publicKey = certificate.GetRSAPublicKey() ?? throw new ArgumentException("The Key Vault certificate is not RSA.", nameof(certificate));
        KeySizeValue = _publicKey.KeySize;
    }

    /// <inheritdoc />
    public override KeySizes[] LegalKeySizes => _publicKey.LegalKeySizes;

    /// <summary>Fetches the public certificate of a Key Vault certificate whose key is <paramref name="keyId"/> (same name and version).</summary>
    public static async Task<X509Certificate2> CertificateAsync(HttpClient http, TokenCredential credential, Uri keyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        string[] segments = keyId.AbsolutePath.Trim('/').Split('/');
        if (segments.Length < 2 || segments[0] != "keys")
        {
            throw new InvalidOperationException("Signing:Certificate:KeyVaultKeyId must look like https://{vault}.vault.azure.net/keys/{name}/{version}.");
        }

        var url = new Uri(keyId, "/certificates/" + string.Join('/', segments[1..]) + "?api-version=" + ApiVersion);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        await AuthoriseAsync(request, credential, cancellationToken).ConfigureAwait(false);
        using HttpResponseMessage response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<CertificateBundle>(cancellationToken).ConfigureAwait(false);
        return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(body?.Cer ?? throw new InvalidOperationException("Key Vault returned no certificate.")));
    }

    /// <inheritdoc />
    public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (hashAlgorithm != HashAlgorithmName.SHA256 || padding != RSASignaturePadding.Pkcs1)
        {
            throw new CryptographicException("Only RS256 (SHA-256, PKCS#1 v1.5) is supported by this Key Vault key.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_keyId.AbsoluteUri.TrimEnd('/') + "/sign?api-version=" + ApiVersion))
        {
            Content = JsonContent.Create(new SignRequest("RS256", Base64Url(hash))),
        };
        AuthoriseAsync(request, _credential, CancellationToken.None).GetAwaiter().GetResult();
        using HttpResponseMessage response = _http.Send(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new CryptographicException($"Key Vault refused to sign ({(int)response.StatusCode}).");
        }

        var result = response.Content.ReadFromJsonAsync<SignResult>().GetAwaiter().GetResult();
        return FromBase64Url(result?.Value ?? throw new CryptographicException("Key Vault returned no signature."));
    }

    /// <inheritdoc />
    public override bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) =>
        _publicKey.VerifyHash(hash, signature, hashAlgorithm, padding);

    /// <inheritdoc />
    public override RSAParameters ExportParameters(bool includePrivateParameters) => includePrivateParameters
        ? throw new CryptographicException("The private key stays in Key Vault.")
        : _publicKey.ExportParameters(false);

    /// <inheritdoc />
    public override void ImportParameters(RSAParameters parameters) => throw new NotSupportedException("A Key Vault key cannot be imported into.");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _publicKey.Dispose();
        }

        base.Dispose(disposing);
    }

    private static async Task AuthoriseAsync(HttpRequestMessage request, TokenCredential credential, CancellationToken cancellationToken)
    {
        AccessToken token = await credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        string b64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '='));
    }

    private sealed record SignRequest([property: JsonPropertyName("alg")] string Alg, [property: JsonPropertyName("value")] string Value);

    private sealed record SignResult([property: JsonPropertyName("value")] string? Value);

    private sealed record CertificateBundle([property: JsonPropertyName("cer")] string? Cer);
}
