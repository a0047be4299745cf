using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Tests.Support;

namespace UmkmCredit.Workflow.Tests;

/// <summary>The agreement: sequential and parallel signing, decline, expiry.</summary>
public sealed class SigningTests : OrchestrationTest
{
    private static readonly string[] Roles = [.. WorkflowNames.SignerRoles.All];

    [Fact]
    public async Task Sequential_signing_mails_one_signer_at_a_time_in_order_and_completes()
    {
        var script = new Script();
        var id = await StartAsync(script);
        var signing = await ApproveAsync(id);
        Assert.Equal(["sign-applicant"], signing.PendingLinkIds);

        foreach (var role in Roles)
        {
            await WaitForAsync(id, s => s.PendingLinkIds!.Contains("sign-" + role), role + "'s turn");
            await SignAsync(id, role);
        }

        var result = await FinishedAsync(id);
        Assert.Equal(ApplicationStatus.Completed, result.Status);
        Assert.Equal(
            ["IssueSigningLinks", "RecordStatusChange:AwaitingSignatures",
             "SendSigningLink:sign-applicant:new", "SendSigningLink:sign-bank:new", "SendSigningLink:sign-opd:new",
             "FinaliseAgreement:applicant,bank,opd", "RecordStatusChange:Completed", "CloseLinks"],
            CallsOf(script).SkipWhile(c => c != "IssueSigningLinks"));
        var final = await FinalStatusAsync(id);
        Assert.Equal(new AgreementSnapshot(FakeActivities.AgreementNumber, AgreementState.Signed, FakeActivities.SignedSha), final.Agreement);
        Assert.All(final.Signatures!, s => Assert.Equal(SignatureState.Signed, s.Status));
    }

    [Fact]
    public async Task Sequential_signing_ignores_a_signer_whose_turn_has_not_come()
    {
        var script = new Script();
        var id = await StartAsync(script);
        await ApproveAsync(id);

        await SignAsync(id, WorkflowNames.SignerRoles.Bank);
        await SignAsync(id, WorkflowNames.SignerRoles.Applicant);
        var afterApplicant = await WaitForAsync(id, s => s.PendingLinkIds!.Contains("sign-bank"), "bank's turn");

        Assert.Equal(
            [SignatureState.Signed, SignatureState.Pending, SignatureState.Pending],
            afterApplicant.Signatures!.Select(s => s.Status));
        Assert.Equal(["sign-bank"], afterApplicant.PendingLinkIds);
    }

    [Fact]
    public async Task Parallel_signing_mails_every_signer_at_once_and_completes_in_any_order()
    {
        var script = new Script { Parallel = true };
        var id = await StartAsync(script);
        var signing = await ApproveAsync(id);
        Assert.Equal(["sign-applicant", "sign-bank", "sign-opd"], signing.PendingLinkIds!.Order());

        await SignAsync(id, WorkflowNames.SignerRoles.Opd);
        await SignAsync(id, WorkflowNames.SignerRoles.Applicant);
        await SignAsync(id, WorkflowNames.SignerRoles.Bank);
        var result = await FinishedAsync(id);

        Assert.Equal(ApplicationStatus.Completed, result.Status);
        Assert.Equal(
            ["RecordStatusChange:AwaitingSignatures",
             "SendSigningLink:sign-applicant:new", "SendSigningLink:sign-bank:new", "SendSigningLink:sign-opd:new",
             "FinaliseAgreement:opd,applicant,bank", "RecordStatusChange:Completed", "CloseLinks"],
            CallsOf(script).SkipWhile(c => c != "RecordStatusChange:AwaitingSignatures"));
    }

    [Fact]
    public async Task Parallel_signing_counts_a_repeated_signature_once()
    {
        var script = new Script { Parallel = true, Roles = [WorkflowNames.SignerRoles.Applicant, WorkflowNames.SignerRoles.Bank] };
        var id = await StartAsync(script);
        await ApproveAsync(id);

        await SignAsync(id, WorkflowNames.SignerRoles.Applicant);
        await SignAsync(id, WorkflowNames.SignerRoles.Applicant);
        var pending = await WaitForAsync(id, s => s.PendingLinkIds is ["sign-bank"], "only the bank pending");
        await SignAsync(id, WorkflowNames.SignerRoles.Bank);
        var result = await FinishedAsync(id);

        Assert.Equal(ApplicationStatus.AwaitingSignatures, pending.Status);
        Assert.Equal(ApplicationStatus.Completed, result.Status);
        Assert.Contains("FinaliseAgreement:applicant,bank", CallsOf(script));
    }

    [Fact]
    public async Task Decline_ends_declined_and_tells_every_party()
    {
        var script = new Script();
        var id = await StartAsync(script);
        await ApproveAsync(id);

        await SignAsync(id, WorkflowNames.SignerRoles.Applicant);
        await WaitForAsync(id, s => s.PendingLinkIds!.Contains("sign-bank"), "bank's turn");
        await SignAsync(id, WorkflowNames.SignerRoles.Bank, signed: false, note: "Agunan belum sesuai.");
        var result = await FinishedAsync(id);

        Assert.Equal(new ApplicationWorkflowResult(ApplicationStatus.Declined, "Agunan belum sesuai."), result);
        Assert.Equal(["NotifyDeclined", "RecordStatusChange:Declined", "CloseLinks"], CallsOf(script).TakeLast(3));
        Assert.DoesNotContain(CallsOf(script), c => c.StartsWith("FinaliseAgreement", StringComparison.Ordinal));
        var final = await FinalStatusAsync(id);
        Assert.Equal([SignatureState.Signed, SignatureState.Declined, SignatureState.Pending], final.Signatures!.Select(s => s.Status));
        Assert.Equal(AgreementState.Draft, final.Agreement!.Status);
    }

    [Fact]
    public async Task Signing_deadline_expires_the_agreement()
    {
        var script = new Script { SigningWindow = TimeSpan.FromMilliseconds(300) };
        var id = await StartAsync(script);
        await DecideAsync(id, await OpenReviewAsync(id), ReviewVerdict.Approve);

        var result = await FinishedAsync(id);

        Assert.Equal(ApplicationStatus.Expired, result.Status);
        Assert.Equal(["SendSigningLink:sign-applicant:new", "RecordStatusChange:Expired", "CloseLinks"], CallsOf(script).TakeLast(3));
    }
}
