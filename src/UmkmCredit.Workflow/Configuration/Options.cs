using System.ComponentModel.DataAnnotations;

namespace UmkmCredit.Workflow.Configuration;

/// <summary><c>Workflow:*</c> — deadlines in working days, with TimeSpan overrides that win when set.</summary>
public sealed class WorkflowOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Workflow";

    /// <summary>Working days for an OPD review.</summary>
    [Range(1, 60)] public int ReviewWorkingDays { get; set; } = 5;

    /// <summary>Working days for signing.</summary>
    [Range(1, 60)] public int SigningWorkingDays { get; set; } = 10;

    /// <summary>Working days to supply missing documents or a revision.</summary>
    [Range(1, 60)] public int DocumentsWorkingDays { get; set; } = 5;

    /// <summary>Working days the supervisor has after an escalation.</summary>
    [Range(1, 60)] public int EscalationWorkingDays { get; set; } = 2;

    /// <summary>Override of the review deadline (e.g. <c>00:00:20</c> in tests).</summary>
    public TimeSpan? ReviewDeadline { get; set; }

    /// <summary>Override of the signing deadline.</summary>
    public TimeSpan? SigningDeadline { get; set; }

    /// <summary>Override of the documents/revision deadline.</summary>
    public TimeSpan? DocumentsDeadline { get; set; }

    /// <summary>Override of the escalation deadline.</summary>
    public TimeSpan? EscalationDeadline { get; set; }

    /// <summary>How long before a deadline the reminder goes out.</summary>
    public TimeSpan ReminderLeadTime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many revision rounds a reviewer may ask for.</summary>
    [Range(0, 10)] public int MaxRevisionRounds { get; set; } = 2;
}

/// <summary><c>Links:*</c> — absolute links and the key that signs action links and access tokens.</summary>
public sealed class LinksOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Links";

    /// <summary>Base URL of the public site, e.g. <c>http://localhost:7071</c>.</summary>
    [Required, Url] public string BaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>HMAC-SHA256 key (at least 32 characters).</summary>
    [Required, MinLength(32)] public string SigningKey { get; set; } = string.Empty;

    /// <summary>
    /// Keys used before the current one, separated by commas, semicolons or white space: links and tokens they
    /// signed keep verifying after a rotation (see <see cref="Links.SigningKeyRing"/>). Empty = none.
    /// </summary>
    public string? PreviousSigningKeys { get; set; }

    /// <summary>Builds an absolute URL under <c>/api</c>.</summary>
    public string Absolute(string pathUnderApi) => $"{BaseUrl.TrimEnd('/')}/api/{pathUnderApi.TrimStart('/')}";
}

/// <summary>A person who acts on an application.</summary>
public sealed class ActorConfig
{
    /// <summary>Stable id.</summary>
    [Required] public string Id { get; set; } = string.Empty;

    /// <summary>Full name.</summary>
    [Required] public string Name { get; set; } = string.Empty;

    /// <summary>E-mail address.</summary>
    [Required, EmailAddress] public string Email { get; set; } = string.Empty;

    /// <summary>Position, e.g. "Kepala Bidang UMKM".</summary>
    public string? Title { get; set; }

    /// <summary>Agency or bank name.</summary>
    public string? Organization { get; set; }
}

/// <summary>An OPD reviewer for a regency (optionally one sector) with a supervisor for escalation.</summary>
public sealed class ReviewerConfig
{
    /// <summary>Reviewer.</summary>
    [Required] public ActorConfig Reviewer { get; set; } = new();

    /// <summary>Supervisor who receives escalations.</summary>
    [Required] public ActorConfig Supervisor { get; set; } = new();

    /// <summary>Only for this sector when set.</summary>
    public string? Sector { get; set; }

    /// <summary>
    /// Highest amount (rupiah) the reviewer may approve alone; an approval above it opens a second review by the
    /// supervisor. Absent: no limit.
    /// </summary>
    [Range(1, long.MaxValue)] public long? ApprovalLimit { get; set; }
}

/// <summary><c>Opd:*</c> — reviewers per regency code.</summary>
public sealed class OpdOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Opd";

    /// <summary>Reviewers per regency code (<c>6501</c> … <c>6571</c>).</summary>
    public Dictionary<string, List<ReviewerConfig>> Reviewers { get; set; } = [];

    /// <summary>Picks the sector-specific reviewer of a regency, else its general one.</summary>
    public ReviewerConfig? Route(string regencyCode, string sector)
    {
        if (!Reviewers.TryGetValue(regencyCode, out var list) || list.Count == 0)
        {
            return null;
        }

        return list.FirstOrDefault(r => string.Equals(r.Sector, sector, StringComparison.OrdinalIgnoreCase))
            ?? list.FirstOrDefault(r => string.IsNullOrEmpty(r.Sector))
            ?? list[0];
    }

    /// <summary>The OPD official who signs agreements, per regency code.</summary>
    public Dictionary<string, ActorConfig> Signers { get; set; } = [];

    /// <summary>True when <paramref name="actorId"/> is a reviewer or supervisor of <paramref name="regencyCode"/>.</summary>
    public bool Serves(string actorId, string regencyCode) =>
        Reviewers.TryGetValue(regencyCode, out var list)
        && list.Any(r => string.Equals(r.Reviewer.Id, actorId, StringComparison.Ordinal) || string.Equals(r.Supervisor.Id, actorId, StringComparison.Ordinal));

    /// <summary>
    /// The approval limit of a person as reviewer (the lowest where they are listed as a reviewer with one); null when
    /// they have none — a supervisor deciding an escalated review approves without a limit.
    /// </summary>
    public long? ApprovalLimitOf(string actorId) =>
        Reviewers.Values.SelectMany(l => l)
            .Where(r => string.Equals(r.Reviewer.Id, actorId, StringComparison.Ordinal) && r.ApprovalLimit is not null)
            .Select(r => r.ApprovalLimit).Min();

    /// <summary>Finds any configured reviewer or supervisor by id.</summary>
    public ActorConfig? FindActor(string id) =>
        Reviewers.Values.SelectMany(l => l).SelectMany(r => new[] { r.Reviewer, r.Supervisor })
            .FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.Ordinal));
}

/// <summary>How signers take turns.</summary>
public enum SigningMode
{
    /// <summary>One after another in <see cref="SigningOptions.Order"/>.</summary>
    Sequential,

    /// <summary>Everyone at once.</summary>
    Parallel,
}

/// <summary><c>Signing:*</c>.</summary>
public sealed class SigningOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Signing";

    /// <summary>The known signer roles.</summary>
    public static IReadOnlyList<string> KnownRoles => Catalog.WorkflowNames.SignerRoles.All;

    /// <summary>Comma-separated order of roles.</summary>
    public string Order { get; set; } = "applicant,bank,opd";

    /// <summary>Sequential or parallel.</summary>
    public SigningMode Mode { get; set; } = SigningMode.Sequential;

    /// <summary>The roles in order.</summary>
    public IReadOnlyList<string> Roles => Order.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The bank that lends in a regency and the officer who signs for it.</summary>
public sealed class BankSignerConfig
{
    /// <summary>Bank name, e.g. "PT Bank Pembangunan Daerah Kalimantan Timur dan Kalimantan Utara".</summary>
    [Required] public string BankName { get; set; } = string.Empty;

    /// <summary>Branch address.</summary>
    [Required] public string BranchAddress { get; set; } = string.Empty;

    /// <summary>The signing officer.</summary>
    [Required] public ActorConfig Officer { get; set; } = new();
}

/// <summary><c>Bank:*</c> — signers per regency code.</summary>
public sealed class BankOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Bank";

    /// <summary>Per regency code.</summary>
    public Dictionary<string, BankSignerConfig> Signers { get; set; } = [];
}
