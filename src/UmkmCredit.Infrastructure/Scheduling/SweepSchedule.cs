using NCrontab;

namespace UmkmCredit.Infrastructure.Scheduling;

/// <summary><c>Reminders:*</c>.</summary>
public sealed class ReminderOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Reminders";

    /// <summary>NCRONTAB with seconds, as the Functions timer trigger reads it.</summary>
    public string Schedule { get; set; } = "0 */15 * * * *";
}

/// <summary>The NCRONTAB schedule the Functions timer trigger uses, parsed the same way for the server.</summary>
public sealed class SweepSchedule
{
    private readonly CrontabSchedule _schedule;

    /// <summary>Parses a six-field NCRONTAB expression (seconds first) or a five-field one.</summary>
    public SweepSchedule(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        _schedule = CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
    }

    /// <summary>True when <paramref name="expression"/> parses as a five- or six-field NCRONTAB expression.</summary>
    public static bool IsValid(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }

        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return fields is 5 or 6
            && CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 }) is not null;
    }

    /// <summary>The next occurrence after <paramref name="afterUtc"/>.</summary>
    public DateTime Next(DateTime afterUtc) => DateTime.SpecifyKind(_schedule.GetNextOccurrence(afterUtc), DateTimeKind.Utc);
}
