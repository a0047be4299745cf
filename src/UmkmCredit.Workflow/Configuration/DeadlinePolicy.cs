using Microsoft.Extensions.Options;
using UmkmCredit.Domain.Calendar;

namespace UmkmCredit.Workflow.Configuration;

/// <summary>The kinds of deadline the workflow sets.</summary>
public enum DeadlineKind
{
    /// <summary>OPD review.</summary>
    Review,

    /// <summary>Supervisor after escalation.</summary>
    Escalation,

    /// <summary>Missing documents or a revision.</summary>
    Documents,

    /// <summary>Signing.</summary>
    Signing,
}

/// <summary>Computes deadlines from working days (WITA calendar) or the TimeSpan overrides. Used by activities only.</summary>
public sealed class DeadlinePolicy(IOptions<WorkflowOptions> options, WorkingDayCalendar calendar)
{
    private readonly WorkflowOptions _options = options.Value;

    /// <summary>The deadline of a kind, counted from <paramref name="fromUtc"/>.</summary>
    public DateTime DeadlineUtc(DeadlineKind kind, DateTime fromUtc)
    {
        var (overrideSpan, days) = kind switch
        {
            DeadlineKind.Review => (_options.ReviewDeadline, _options.ReviewWorkingDays),
            DeadlineKind.Escalation => (_options.EscalationDeadline, _options.EscalationWorkingDays),
            DeadlineKind.Documents => (_options.DocumentsDeadline, _options.DocumentsWorkingDays),
            DeadlineKind.Signing => (_options.SigningDeadline, _options.SigningWorkingDays),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return overrideSpan is { } span
            ? DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc) + span
            : calendar.DeadlineUtc(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc), days);
    }
}
