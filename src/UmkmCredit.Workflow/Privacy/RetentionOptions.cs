using System.ComponentModel.DataAnnotations;
using UmkmCredit.Domain.Privacy;

namespace UmkmCredit.Workflow.Privacy;

/// <summary><c>Retention:*</c> — how long final applications keep their personal data (UU 27/2022 PDP).</summary>
public sealed class RetentionOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Retention";

    /// <summary>False turns the retention job off (erasure on request still works).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Final applications without a signed agreement, after their final status (default 2 years).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "36500.00:00:00")]
    public TimeSpan FinalApplications { get; set; } = TimeSpan.FromDays(730);

    /// <summary>Applications with a signed agreement, the agreement and its audit (default 10 years).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "36500.00:00:00")]
    public TimeSpan SignedAgreements { get; set; } = TimeSpan.FromDays(3653);

    /// <summary>NCRONTAB (seconds first) of the job; 19:00 UTC is 03:00 WITA.</summary>
    public string Schedule { get; set; } = "0 0 19 * * *";

    /// <summary>The periods as the Domain rule takes them.</summary>
    public RetentionPeriods Periods => new(FinalApplications, SignedAgreements);
}
