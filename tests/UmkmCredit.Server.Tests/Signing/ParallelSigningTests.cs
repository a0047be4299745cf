using System.Net;
using UmkmCredit.Server.Tests.Support;
using UmkmCredit.TestSupport;

namespace UmkmCredit.Server.Tests.Signing;

/// <summary><c>Signing:Mode = Parallel</c> (the fast-timers server): every signer gets a link at once, any order works.</summary>
[Collection(FastTimersCollection.Name)]
public sealed class ParallelSigningTests(FastTimersFixture fixture)
{
    private ServerInstance Server => fixture.Server;

    [Fact]
    public async Task All_signers_are_asked_at_once_and_may_sign_in_any_order()
    {
        var app = await Server.SubmitAsync(Samples.CompleteSubmission("parallel@example.id"));
        await Server.WaitForStatusAsync(app, "InReview");
        using (var approve = await Server.DecideAsync(await Server.ReviewTokenAsync(app.Id), new { decision = "approve" }))
        {
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        }

        await Server.WaitForStatusAsync(app, "AwaitingSignatures");
        var opd = await Server.SignTokenAsync(app.Id, "kadis.umkm.trk@kaltaraprov.example");
        var bank = await Server.SignTokenAsync(app.Id, "kredit.trk@bank.example");
        var applicant = await Server.SignTokenAsync(app.Id, "parallel@example.id");

        await Server.SignAsSignerAsync(opd, "kadis.umkm.trk@kaltaraprov.example", "Kepala Dinas Koperasi dan UKM Tarakan");
        await Server.SignAsSignerAsync(applicant, "parallel@example.id", "Siti Aminah");
        await Server.SignAsSignerAsync(bank, "kredit.trk@bank.example", "Pimpinan Cabang Tarakan");

        var done = await Server.WaitForStatusAsync(app, "Completed");
        Assert.Equal(3, done.GetProperty("signatures").EnumerateArray().Count(s => s.GetProperty("status").GetString() == "Signed"));
    }
}
