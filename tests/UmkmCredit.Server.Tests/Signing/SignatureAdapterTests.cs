using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UmkmCredit.Documents.Agreements;
using UmkmCredit.Documents.Signatures;
using UmkmCredit.Documents.Tests.Signatures;
using UmkmCredit.Infrastructure.Signatures;
using UmkmCredit.Workflow.Agreements;

namespace UmkmCredit.Server.Tests.Signing;

/// <summary>The certificate sources (PKCS#12, Key Vault), the local provider's order and the callback HMAC.</summary>
public sealed class SignatureAdapterTests
{
    private static readonly DateTime At = new(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc);
    private static readonly Lazy<DevelopmentPki> Pki = new(() => DevelopmentPki.Create("Adapter Test", DateTimeOffset.UtcNow));

    private static byte[] Document() => AgreementRenderer.RenderDraft(Documents.Tests.SampleAgreements.Conventional());

    private static string Temp(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "umkmcredit-adapters-" + name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static SigningKeys Keys(DocumentSigningOptions options) => new(Options.Create(options), TimeProvider.System, NullLogger<SigningKeys>.Instance);

    [Fact]
    public async Task A_configured_pkcs12_file_signs_with_its_certificate_and_chain()
    {
        string dir = Temp("pfx");
        var collection = new X509Certificate2Collection { Pki.Value.Signing, X509CertificateLoader.LoadCertificate(Pki.Value.Authority.RawData) };
        string path = Path.Combine(dir, "seal.pfx");
        File.WriteAllBytes(path, collection.Export(X509ContentType.Pkcs12, "geheim-123")!);

        var keys = Keys(new DocumentSigningOptions { Certificate = new SigningCertificateOptions { Path = path, Password = "geheim-123" }, DataDirectory = dir });
        SigningCredential credential = await keys.CredentialAsync();
        Assert.Equal(Pki.Value.Signing.Thumbprint, credential.Certificate.Thumbprint);
        Assert.Equal(Pki.Value.Authority.Thumbprint, Assert.Single(credential.Chain).Thumbprint);
        Assert.False(Directory.Exists(Path.Combine(dir, "pki"))); // no development CA when a certificate is configured

        byte[] signed = await PdfSigner.SignAsync(Document(), new SignatureFieldSpec("seal", "Programme", "r", "l", null, At), credential);
        string pdf = Path.Combine(dir, "signed.pdf");
        File.WriteAllBytes(pdf, signed);
        Assert.Equal("Signature is Valid.", Assert.Single(PdfValidators.Pdfsig(pdf)).Validation);
    }

    [Fact]
    public async Task Without_configuration_a_development_ca_is_created_once_under_the_data_folder()
    {
        string dir = Temp("dev");
        SigningCredential first = await Keys(new DocumentSigningOptions { DataDirectory = dir }).CredentialAsync();
        Assert.True(File.Exists(Path.Combine(dir, "pki", "ca.crt")));
        SigningCredential second = await Keys(new DocumentSigningOptions { DataDirectory = dir }).CredentialAsync();
        Assert.Equal(first.Certificate.Thumbprint, second.Certificate.Thumbprint);
        Assert.Equal(first.Chain[0].Thumbprint, second.Chain[0].Thumbprint);
    }

    [Fact]
    public async Task A_key_vault_key_signs_through_the_vaults_sign_operation_and_never_exports()
    {
        await using var vault = await FakeKeyVault.StartAsync(Pki.Value.Signing);
        var keyId = new Uri(vault.BaseUrl, "/keys/seal/0123456789abcdef");
        using var http = new HttpClient();
        X509Certificate2 certificate = await KeyVaultRsa.CertificateAsync(http, new StaticToken(), keyId);
        Assert.False(certificate.HasPrivateKey);
        using var rsa = new KeyVaultRsa(http, new StaticToken(), keyId, certificate);
        Assert.Throws<CryptographicException>(() => rsa.ExportParameters(true));

        byte[] signed = await PdfSigner.SignAsync(Document(), new SignatureFieldSpec("seal", "Programme", "r", "l", null, At), new SigningCredential(certificate, rsa, [Pki.Value.Authority]));
        Assert.Equal(1, vault.SignCalls);
        Assert.True(Assert.Single(PdfSignatureInspector.Inspect(signed)).Valid);
        string dir = Temp("kv");
        File.WriteAllBytes(Path.Combine(dir, "signed.pdf"), signed);
        Assert.Equal("Signature is Valid.", Assert.Single(PdfValidators.Pdfsig(Path.Combine(dir, "signed.pdf"))).Validation);
    }

    [Fact]
    public async Task The_local_provider_signs_in_order_and_refuses_a_signer_out_of_turn()
    {
        var provider = new LocalSignatureProvider(Keys(new DocumentSigningOptions { DataDirectory = Temp("provider") }));
        var place = new SignaturePlacement(0, 60, 90, 150, 50);
        string id = await provider.CreateRequestAsync(new SignatureRequest("app-1", "p.pdf", Document(),
            [new SignerSpec("applicant", "applicant", "Siti", "s@example.id", place), new SignerSpec("bank", "bank", "Andi", "a@bank.example", place with { X = 220 })], true, "Tarakan"));
        Assert.Equal(SignerActionKind.Verified, (await provider.GetSignerActionAsync(id, "bank")).Kind);
        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.AuthoriseAsync(id, "bank", new SignerAuthorisation("ev-b", At)));
        await provider.AuthoriseAsync(id, "applicant", new SignerAuthorisation("ev-a", At));
        Assert.Equal(SignatureState.Pending, (await provider.GetStatusAsync(id)).State);
        await provider.AuthoriseAsync(id, "bank", new SignerAuthorisation("ev-b", At.AddMinutes(1)));
        Assert.Equal(SignatureState.Signed, (await provider.GetStatusAsync(id)).State);
        var signatures = PdfSignatureInspector.Inspect(await provider.DownloadAsync(id));
        Assert.Equal(["applicant", "bank"], signatures.Select(s => s.FieldName));
        Assert.Contains("ev-b", signatures[1].Reason, StringComparison.Ordinal);
        Assert.All(signatures, s => Assert.True(s.Valid));
    }

    [Fact]
    public void Callbacks_verify_only_with_the_secret_the_body_and_a_fresh_timestamp()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        byte[] body = Encoding.UTF8.GetBytes("""{"requestId":"r1","state":"signed"}""");
        string signature = SignatureCallbacks.Sign("provider-secret", now.ToUnixTimeSeconds(), body);
        string ts = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(SignatureCallbacks.Verify("provider-secret", ts, signature, body, now.AddSeconds(30), TimeSpan.FromMinutes(5)));
        Assert.True(SignatureCallbacks.Verify("provider-secret", ts, signature["sha256=".Length..], body, now, TimeSpan.FromMinutes(5)));
        Assert.False(SignatureCallbacks.Verify("other-secret", ts, signature, body, now, TimeSpan.FromMinutes(5)));
        Assert.False(SignatureCallbacks.Verify("provider-secret", ts, signature, [.. body, (byte)' '], now, TimeSpan.FromMinutes(5)));
        Assert.False(SignatureCallbacks.Verify("provider-secret", ts, signature, body, now.AddMinutes(6), TimeSpan.FromMinutes(5)));
        Assert.False(SignatureCallbacks.Verify("provider-secret", "not-a-number", signature, body, now, TimeSpan.FromMinutes(5)));
    }

    private sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("test-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
    }

    /// <summary>Test double of Azure Key Vault (cannot exist here): the certificate GET and the key's sign operation, with a key held by the fake.</summary>
    private sealed class FakeKeyVault : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _signCalls;

        private FakeKeyVault(WebApplication app, Uri baseUrl)
        {
            _app = app;
            BaseUrl = baseUrl;
        }

        public Uri BaseUrl { get; }

        public int SignCalls => Volatile.Read(ref _signCalls);

        public static async Task<FakeKeyVault> StartAsync(X509Certificate2 certificateWithKey)
        {
            RSA key = certificateWithKey.GetRSAPrivateKey()!;
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            FakeKeyVault? self = null;
            app.Run(async context =>
            {
                if (context.Request.Headers.Authorization != "Bearer test-token")
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }

                string path = context.Request.Path.Value ?? string.Empty;
                if (HttpMethods.IsGet(context.Request.Method) && path == "/certificates/seal/0123456789abcdef")
                {
                    await context.Response.WriteAsJsonAsync(new { cer = Convert.ToBase64String(certificateWithKey.RawData) });
                    return;
                }

                if (HttpMethods.IsPost(context.Request.Method) && path == "/keys/seal/0123456789abcdef/sign")
                {
                    var request = (await JsonNode.ParseAsync(context.Request.Body))!;
                    Assert.Equal("RS256", request["alg"]!.GetValue<string>());
                    byte[] digest = FromBase64Url(request["value"]!.GetValue<string>());
                    Interlocked.Increment(ref self!._signCalls);
                    byte[] signature = key.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                    await context.Response.WriteAsJsonAsync(new { kid = "x", value = Convert.ToBase64String(signature).TrimEnd('=').Replace('+', '-').Replace('/', '_') });
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
            });
            await app.StartAsync();
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            self = new FakeKeyVault(app, new Uri(address));
            return self;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private static byte[] FromBase64Url(string text)
        {
            string b64 = text.Replace('-', '+').Replace('_', '/');
            return Convert.FromBase64String(b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '='));
        }
    }
}
