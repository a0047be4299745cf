using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using UmkmCredit.ApiClient.Api.Applications.Item;
using UmkmCredit.ApiClient.Models;
using UmkmCredit.TestSupport;

namespace UmkmCredit.ApiClient.Tests;

/// <summary>One Azurite and one real standalone server (shipped settings) for the client's journey.</summary>
public sealed class JourneyServerFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    /// <summary>The server.</summary>
    public ServerInstance Server { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Server = await ServerInstance.StartAsync(_azurite.ConnectionString);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await _azurite!.DisposeAsync();
    }
}

/// <summary>
/// The Kiota client generated from openapi.json drives a whole application over HTTP: applicant → reviewer → the
/// three signers → verification, each party authenticating the way the document's security schemes say. Only the
/// links and one-time codes, which the product sends by e-mail, are read from the server's pickup directory.
/// </summary>
public sealed partial class ClientJourneyTests(JourneyServerFixture fixture) : IClassFixture<JourneyServerFixture>
{
    private const string ApplicantEmail = "kiota@example.id";
    private const string ReviewerEmail = "analis.umkm.trk@kaltaraprov.example";
    private const string BankEmail = "kredit.trk@bank.example";
    private const string OpdEmail = "kadis.umkm.trk@kaltaraprov.example";

    private ServerInstance Server => fixture.Server;

    [Fact]
    public async Task Generated_client_takes_an_application_from_submission_to_a_verified_signed_agreement()
    {
        var anonymous = Client(new AnonymousAuthenticationProvider());
        Assert.Equal(Health_status.Ok, (await anonymous.Api.Health.GetAsync())!.Status);

        // Applicant: submit as JSON, then upload the documents one by one with the access token as bearer.
        var accepted = (await anonymous.Api.Applications.PostAsync(Form()))!;
        Assert.Equal(ApplicationStatus.Submitted, accepted.Status);
        Assert.Matches("^[0-9a-f]{32}$", accepted.ApplicationId);
        var applicant = Client(new BaseBearerTokenAuthenticationProvider(new StaticToken(accepted.AccessToken!)));
        var application = applicant.Api.Applications[accepted.ApplicationId];
        var uploads = new Dictionary<string, byte[]>
        {
            ["ktp"] = Samples.Pdf("ktp"), ["kk"] = Samples.Pdf("kk"), ["nib"] = Samples.Pdf("nib"), ["business-photo"] = Samples.Png(),
        };
        foreach (var (kind, content) in uploads)
        {
            using var body = new MemoryStream(content);
            var stored = (await application.Documents[kind].PutAsync(body, kind == "business-photo" ? "image/png" : "application/pdf"))!;
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stored.Sha256);
        }

        await WaitForAsync(application, ApplicationStatus.InReview);

        // Reviewer: the link from the review e-mail is the credential.
        var reviewToken = Outbox.ReviewToken(await Server.Outbox.WaitForAsync(m => Mentions(m, ReviewerEmail, accepted.ApplicationId!)));
        var review = anonymous.Api.Review[reviewToken];
        var toReview = (await review.GetAsync())!;
        Assert.Equal(accepted.ApplicationId, toReview.ApplicationId);
        Assert.Equal(uploads.Count, toReview.Documents!.Count);
        await using (var ktp = (await review.Documents["ktp"].GetAsync())!)
        {
            Assert.Equal(uploads["ktp"], await ReadAllAsync(ktp));
        }

        Assert.Equal(accepted.ApplicationId, (await review.PostAsync(new ReviewDecision
        {
            Decision = ReviewDecision_decision.Approve,
            Recommendations = ["Pelatihan pembukuan"],
        }))!.ApplicationId);
        await WaitForAsync(application, ApplicationStatus.AwaitingSignatures);

        // Signers, in the shipped order: each reads what to sign, asks for a code, signs with it.
        var expectedRoles = new[] { (ApplicantEmail, SignView_signer_role.Applicant), (BankEmail, SignView_signer_role.Bank), (OpdEmail, SignView_signer_role.Opd) };
        string? applicantSignToken = null;
        foreach (var (email, role) in expectedRoles)
        {
            var token = SignLink().Match((await Server.Outbox.WaitForAsync(m => Mentions(m, email, accepted.ApplicationId!) && SignLink().IsMatch(m.TextBody ?? string.Empty))).TextBody!).Groups[1].Value;
            applicantSignToken ??= token;
            var signing = anonymous.Api.Sign[token];
            var view = (await signing.GetAsync())!;
            Assert.Equal(role, view.Signer!.Role);
            await using (var draft = (await signing.Document.GetAsync())!)
            {
                Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await ReadAllAsync(draft))[..5]), StringComparison.Ordinal);
            }

            var codesBefore = Server.Outbox.To(email).Count(IsOtp);
            Assert.True((await signing.Otp.PostAsync())!.Sent);
            await Server.Outbox.WaitForAsync(_ => Server.Outbox.To(email).Count(IsOtp) > codesBefore);
            var otp = OtpCode().Match(Server.Outbox.To(email).Last(IsOtp).TextBody!).Groups[1].Value;

            var recorded = (await signing.PostAsync(new SignDecision { Decision = SignDecision_decision.Sign, Otp = otp, FullName = view.Signer.Name, Consent = true }))!;
            Assert.Equal(SignRecorded_decision.Sign, recorded.Decision);
            Assert.Equal(accepted.ApplicationId, recorded.ApplicationId);
        }

        var completed = await WaitForAsync(application, ApplicationStatus.Completed);
        Assert.All(completed.Signatures!, s => Assert.Equal("Signed", s.Status));
        var sha256 = completed.Agreement!.Sha256!;

        // The applicant's copy is the signed agreement; the public verification agrees, by hash and by file.
        byte[] pdf;
        await using (var download = (await application.Agreement.GetAsync())!)
        {
            pdf = await ReadAllAsync(download);
        }

        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(pdf)));
        var byHash = (await anonymous.Api.Verify[accepted.ApplicationId].GetAsync(c => c.QueryParameters.Sha256 = sha256))!;
        Assert.True(byHash.Valid);
        Assert.Equal(completed.Agreement.Number, byHash.AgreementNumber);
        Assert.Equal(3, byHash.Parties!.Count);
        using (var file = new MemoryStream(pdf))
        {
            Assert.True((await anonymous.Api.Verify.PostAsync(file))!.Valid);
        }

        // A second signature on a used link is a typed problem (409 application/problem+json), not a bare failure.
        var again = await Assert.ThrowsAsync<Problem>(() => anonymous.Api.Sign[applicantSignToken!].PostAsync(
            new SignDecision { Decision = SignDecision_decision.Sign, Otp = "123456", FullName = "Siti Aminah", Consent = true }));
        Assert.Equal(409, again.ResponseStatusCode);
        Assert.False(string.IsNullOrEmpty(again.Title));

        // The administrator, with the admin key header of the adminKey scheme, sees the whole trail.
        var admin = Client(new AdminKeyHeader(ServerInstance.AdminKey));
        var detail = (await admin.Api.Admin.Applications[accepted.ApplicationId].GetAsync())!;
        Assert.Equal(ApplicationStatus.Completed, detail.Status);
        Assert.Contains(detail.Audit!, e => e.Event == "application.submitted");
        Assert.Contains(detail.Audit!, e => e.Event == "status.Completed");
    }

    private UmkmCreditClient Client(IAuthenticationProvider authentication) =>
        new(new HttpClientRequestAdapter(authentication) { BaseUrl = Server.BaseUrl });

    /// <summary>Polls the applicant's status until it is <paramref name="status"/>.</summary>
    private static async Task<ApplicationStatusView> WaitForAsync(ApplicationsItemRequestBuilder application, ApplicationStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var view = (await application.GetAsync())!;
            if (view.Status == status)
            {
                return view;
            }

            Assert.True(DateTime.UtcNow < deadline, $"status stayed {view.Status}, expected {status}");
            await Task.Delay(250);
        }
    }

    private static ApplicationForm Form() => new()
    {
        Applicant = new ApplicationForm_applicant
        {
            Nik = Samples.UniqueNik(), FullName = "Siti Aminah", BirthDate = new Date(1990, 8, 15), Gender = ApplicationForm_applicant_gender.P,
            Phone = "+6281234567890", Email = ApplicantEmail, Address = "Jl. Yos Sudarso No. 10, Tarakan",
        },
        Business = new ApplicationForm_business
        {
            Name = "Amplang Bu Siti", Nib = "9120301234567", Sector = "kuliner", Regency = RegencyCode.SixFiveSevenOne,
            Address = "Jl. Mulawarman No. 5, Tarakan", StartedOn = new Date(2019, 5, 1), Employees = 3, MonthlyRevenue = 15_000_000, HalalCertified = true,
        },
        Request = new ApplicationForm_request
        {
            Scheme = "KUR_MIKRO", Amount = 50_000_000, TenorMonths = 24, Purpose = ApplicationForm_request_purpose.ModalKerja,
            Description = "Pembelian bahan baku dan kemasan",
        },
        Consent = new ApplicationForm_consent { DataProcessing = true },
    };

    private static bool Mentions(MimeKit.MimeMessage m, string address, string applicationId) =>
        m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))
        && ((m.Subject ?? string.Empty) + (m.TextBody ?? string.Empty)).Contains(applicationId, StringComparison.Ordinal);

    private static bool IsOtp(MimeKit.MimeMessage m) => (m.Subject ?? string.Empty).StartsWith("Kode OTP", StringComparison.Ordinal);

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [GeneratedRegex(@"/api/sign/([A-Za-z0-9._-]+)")]
    private static partial Regex SignLink();

    [GeneratedRegex(@"Kode OTP: (\d{6})")]
    private static partial Regex OtpCode();

    /// <summary>
    /// The adminKey scheme (header x-functions-key). Kiota's own ApiKeyAuthenticationProvider sends keys over https only,
    /// and the test server listens on plain http on the loopback address.
    /// </summary>
    private sealed class AdminKeyHeader(string key) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            request.Headers.Add("x-functions-key", key);
            return Task.CompletedTask;
        }
    }

    /// <summary>The applicant's access token as the bearer token of the applicantBearer scheme.</summary>
    private sealed class StaticToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}
