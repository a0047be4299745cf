using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Catalog;
using UmkmCredit.Workflow.Contracts;
using UmkmCredit.Workflow.Tests.Support;

namespace UmkmCredit.Workflow.Tests;

/// <summary>Screening and the documents stage.</summary>
public sealed class IntakeTests : OrchestrationTest
{
    [Fact]
    public void Every_activity_of_the_application_orchestration_has_a_test_double_under_its_name()
    {
        // Webhook delivery and bulk import are orchestrations of their own, tested with the server.
        string[] otherOrchestrations = [typeof(Webhooks.SendWebhook).Namespace!, typeof(Imports.ImportRows).Namespace!];
        var fakes = new FakeActivities();
        fakes.Register(new Microsoft.DurableTask.DurableTaskRegistry());
        var application = WorkflowCatalog.Activities.Where(a => !otherOrchestrations.Contains(a.Implementation.Namespace)).Select(a => a.Name);
        Assert.Equal(application.Order(), fakes.Registered.Order());
    }

    [Fact]
    public async Task Eligible_application_goes_straight_to_the_routed_reviewer()
    {
        var script = new Script();
        var id = await StartAsync(script);

        var snapshot = await WaitForReviewerAsync(id, FakeActivities.RoutedReviewer);
        await WaitForCallAsync(script, "RecordStatusChange:InReview");

        Assert.Equal(["ScreenApplication:Eligible", "OpenReview:opd-01:round0", "RecordStatusChange:InReview"], CallsOf(script));
        Assert.Equal("test-rules-1", snapshot.RuleVersion);
        Assert.Equal(0, snapshot.Review!.Round);
        Assert.False(snapshot.Review.Escalated);
        Assert.Equal([snapshot.PendingLinkId!], snapshot.PendingLinkIds);
        Assert.NotNull(snapshot.DeadlineUtc);
        Assert.Equal([ApplicationStatus.Submitted, ApplicationStatus.InReview], snapshot.History.Select(h => h.Status));
    }

    [Fact]
    public async Task Ineligible_screening_rejects_and_closes_every_link()
    {
        var script = new Script().Screens(ScreeningOutcome.Ineligible);
        var id = await StartAsync(script);

        var result = await FinishedAsync(id);

        Assert.Equal(ApplicationStatus.Rejected, result.Status);
        Assert.Equal(["ScreenApplication:Ineligible", "RecordStatusChange:Rejected", "CloseLinks"], CallsOf(script));
        var final = await FinalStatusAsync(id);
        Assert.Equal(["age.limit"], final.Reasons.Select(r => r.Code));
        Assert.Null(final.Review);
    }

    [Fact]
    public async Task Missing_documents_wait_for_an_upload_then_go_to_review()
    {
        var script = new Script().Screens(ScreeningOutcome.MissingDocuments, "ktp");
        var id = await StartAsync(script);

        var waiting = await WaitForStatusAsync(id, ApplicationStatus.AwaitingDocuments);
        Assert.Equal(["ktp"], waiting.Reasons.Select(r => r.Message));
        Assert.NotNull(waiting.DeadlineUtc);
        await SignalAsync(id, new WorkflowSignal(SignalKind.DocumentsChanged, "applicant"));

        var review = await WaitForReviewerAsync(id, FakeActivities.RoutedReviewer);
        await WaitForCallAsync(script, "RecordStatusChange:InReview");
        Assert.Empty(review.Reasons);
        Assert.Equal(
            ["ScreenApplication:MissingDocuments", "RecordStatusChange:AwaitingDocuments", "ScreenApplication:Eligible",
             "OpenReview:opd-01:round0", "RecordStatusChange:InReview"],
            CallsOf(script));
    }

    [Fact]
    public async Task Missing_documents_expire_at_the_deadline()
    {
        var script = new Script { DocumentsWindow = TimeSpan.FromMilliseconds(300) }.Screens(ScreeningOutcome.MissingDocuments, "ktp");
        var id = await StartAsync(script);

        var result = await FinishedAsync(id);

        Assert.Equal(ApplicationStatus.Expired, result.Status);
        Assert.Equal(["ScreenApplication:MissingDocuments", "RecordStatusChange:AwaitingDocuments", "RecordStatusChange:Expired", "CloseLinks"], CallsOf(script));
    }

    [Fact]
    public async Task Upload_that_leaves_a_document_missing_shows_the_new_reasons_and_keeps_the_first_deadline()
    {
        var script = new Script()
            .Screens(ScreeningOutcome.MissingDocuments, "ktp", "nib")
            .Screens(ScreeningOutcome.MissingDocuments, "nib");
        var id = await StartAsync(script);
        var first = await WaitForStatusAsync(id, ApplicationStatus.AwaitingDocuments);
        Assert.Equal(["ktp", "nib"], first.Reasons.Select(r => r.Message));

        await SignalAsync(id, new WorkflowSignal(SignalKind.DocumentsChanged, "applicant"));
        var second = await WaitForAsync(id, s => s.Reasons.Count == 1, "one reason left");

        Assert.Equal(["nib"], second.Reasons.Select(r => r.Message));
        Assert.Equal(ApplicationStatus.AwaitingDocuments, second.Status);
        Assert.Equal(first.DeadlineUtc, second.DeadlineUtc);
        Assert.Equal(["ScreenApplication:MissingDocuments", "RecordStatusChange:AwaitingDocuments", "ScreenApplication:MissingDocuments"], CallsOf(script));
    }

    [Fact]
    public async Task Upload_that_makes_screening_ineligible_rejects_from_awaiting_documents()
    {
        var script = new Script().Screens(ScreeningOutcome.MissingDocuments, "ktp").Screens(ScreeningOutcome.Ineligible);
        var id = await StartAsync(script);
        await WaitForStatusAsync(id, ApplicationStatus.AwaitingDocuments);

        await SignalAsync(id, new WorkflowSignal(SignalKind.DocumentsChanged, "applicant"));
        var result = await FinishedAsync(id);

        Assert.Equal(ApplicationStatus.Rejected, result.Status);
        var final = await FinalStatusAsync(id);
        Assert.Equal([ApplicationStatus.Submitted, ApplicationStatus.AwaitingDocuments, ApplicationStatus.Rejected], final.History.Select(h => h.Status));
    }
}
