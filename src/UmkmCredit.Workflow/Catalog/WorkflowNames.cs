namespace UmkmCredit.Workflow.Catalog;

/// <summary>
/// The one catalogue of orchestration, activity and event names. Both hosts register exactly these
/// (tests compare the Functions app's attributes and the server's registry against <see cref="WorkflowCatalog"/>).
/// </summary>
public static class WorkflowNames
{
    /// <summary>Orchestration names.</summary>
    public static class Orchestrations
    {
        /// <summary>One instance per application; instance id = application id.</summary>
        public const string Application = "ApplicationOrchestration";

        /// <summary>One instance per application and webhook subscriber (<see cref="Webhooks.WebhookDispatch.InstanceId"/>): sends its events in order.</summary>
        public const string WebhookDelivery = "WebhookDeliveryOrchestration";
        /// <summary>One instance per bulk import (instance id <c>import-{importId}</c>).</summary>
        public const string Import = "ImportOrchestration";
    }

    /// <summary>Activity names (verb-noun, equal to the implementing class name).</summary>
    public static class Activities
    {
        /// <summary>Runs the screening rules against the stored application and its documents.</summary>
        public const string ScreenApplication = nameof(Intake.ScreenApplication);

        /// <summary>Records a status change: audit trail, read model, applicant notification.</summary>
        public const string RecordStatusChange = nameof(Application.RecordStatusChange);

        /// <summary>Routes the review to a reviewer, issues the link and notifies the reviewer.</summary>
        public const string OpenReview = nameof(Review.OpenReview);

        /// <summary>Opens the supervisor's second review of an approval above the reviewer's limit.</summary>
        public const string OpenSecondReview = nameof(Review.OpenSecondReview);

        /// <summary>Escalates an overdue review to the supervisor with a new link.</summary>
        public const string EscalateReview = nameof(Review.EscalateReview);

        /// <summary>Computes a deadline from configuration and the working-day calendar.</summary>
        public const string ComputeDeadline = nameof(Application.ComputeDeadline);

        /// <summary>Allocates the agreement number and stores the draft PDF.</summary>
        public const string PrepareAgreement = nameof(Agreements.PrepareAgreement);

        /// <summary>Creates the signing links.</summary>
        public const string IssueSigningLinks = nameof(Agreements.IssueSigningLinks);

        /// <summary>Mails a signer their link.</summary>
        public const string SendSigningLink = nameof(Agreements.SendSigningLink);

        /// <summary>Stores the signed PDF and tells every party.</summary>
        public const string FinaliseAgreement = nameof(Agreements.FinaliseAgreement);

        /// <summary>Tells every party that a signer declined.</summary>
        public const string NotifyDeclined = nameof(Agreements.NotifyDeclined);

        /// <summary>Supersedes one pending link (reassignment).</summary>
        public const string SupersedeLink = nameof(Links.SupersedeLink);

        /// <summary>Closes every open action link of an application (terminal states).</summary>
        public const string CloseLinks = nameof(Links.CloseLinks);

        /// <summary>Finds the oldest pending webhook delivery of one application and subscriber.</summary>
        public const string FindPendingWebhook = nameof(Webhooks.FindPendingWebhook);

        /// <summary>Sends one webhook delivery once and records the attempt.</summary>
        public const string SendWebhook = nameof(Webhooks.SendWebhook);
        /// <summary>Submits a run of rows of a bulk import, each through the submit command.</summary>
        public const string ImportRows = nameof(Imports.ImportRows);

        /// <summary>Records a bulk-import row that failed through every retry.</summary>
        public const string RecordImportRowFailure = nameof(Imports.RecordImportRowFailure);

        /// <summary>Marks a bulk import completed.</summary>
        public const string CompleteImport = nameof(Imports.CompleteImport);
    }

    /// <summary>
    /// Signer roles as configured in <c>Signing:Order</c>, stored in link ids (<c>sign-{role}</c>), printed on the
    /// agreement and shown in the status (<c>role</c>). Compare against these, never against literals.
    /// </summary>
    public static class SignerRoles
    {
        /// <summary>The applicant (debtor).</summary>
        public const string Applicant = "applicant";

        /// <summary>The bank's officer.</summary>
        public const string Bank = "bank";

        /// <summary>The OPD official.</summary>
        public const string Opd = "opd";

        /// <summary>Every known role, in the default signing order.</summary>
        public static IReadOnlyList<string> All { get; } = [Applicant, Bank, Opd];
    }

    /// <summary>The stored PDFs of an agreement (<c>agreements/{id}/{name}.pdf</c>).</summary>
    public static class AgreementFiles
    {
        /// <summary>The draft every signer sees and signs (its hash is what a signature covers).</summary>
        public const string Draft = "draft";

        /// <summary>The signed agreement with the signature page and certificate of completion.</summary>
        public const string Signed = "signed";
    }

    /// <summary>Roles of one-time action links (stored with the link and covered by its MAC).</summary>
    public static class LinkRoles
    {
        /// <summary>An OPD review link.</summary>
        public const string Review = "review";

        /// <summary>A signing link.</summary>
        public const string Sign = "sign";
    }

    /// <summary>Why a link is (re)sent; chooses the mail's subject and wording.</summary>
    public static class LinkMailKinds
    {
        /// <summary>First mail of a link.</summary>
        public const string New = "new";

        /// <summary>A reminder before the deadline.</summary>
        public const string Reminder = "reminder";

        /// <summary>The review went to the supervisor after the deadline.</summary>
        public const string Escalation = "escalation";

        /// <summary>An administrator reassigned the review.</summary>
        public const string Reassign = "reassign";

        /// <summary>An approval above the reviewer's limit went to the supervisor for the second level.</summary>
        public const string SecondLevel = "secondLevel";
    }

    /// <summary>External event names.</summary>
    public static class Events
    {
        /// <summary>
        /// Every outside input travels as one event name with a typed payload, so one pending waiter
        /// can be kept across stages (a waiter abandoned after a timeout would otherwise swallow the next event).
        /// </summary>
        public const string Signal = "WorkflowSignal";

        /// <summary>Wakes an idle webhook delivery orchestration: a delivery was queued (or re-queued) for it.</summary>
        public const string WebhookQueued = "WebhookQueued";
    }
}
