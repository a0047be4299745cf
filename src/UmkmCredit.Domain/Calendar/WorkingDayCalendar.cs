using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace UmkmCredit.Domain.Calendar;

/// <summary>
/// Working days: Monday–Friday except national holidays and cuti bersama, from data files per year
/// (<c>Calendar/holidays-YYYY.json</c>). Years without a file count weekends only.
/// </summary>
public sealed class WorkingDayCalendar
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<WorkingDayCalendar> Embedded = new(LoadEmbeddedCore);

    private readonly Dictionary<DateOnly, Holiday> _holidays;

    /// <summary>Creates a calendar from explicit holidays.</summary>
    /// <param name="holidays">The non-working days.</param>
    /// <param name="coveredYears">The years the data covers; defaults to the years of <paramref name="holidays"/>.</param>
    public WorkingDayCalendar(IEnumerable<Holiday> holidays, IEnumerable<int>? coveredYears = null)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        _holidays = [];
        foreach (Holiday holiday in holidays)
        {
            _holidays.TryAdd(holiday.Date, holiday);
        }

        CoveredYears = (coveredYears ?? _holidays.Keys.Select(d => d.Year)).Distinct().Order().ToArray();
    }

    /// <summary>The years for which holiday data is loaded.</summary>
    public IReadOnlyList<int> CoveredYears { get; }

    /// <summary>All holidays, in date order.</summary>
    public IReadOnlyList<Holiday> Holidays => _holidays.Values.OrderBy(h => h.Date).ToArray();

    /// <summary>The calendar from the embedded <c>Calendar/holidays-*.json</c> files (loaded once, validated).</summary>
    public static WorkingDayCalendar LoadEmbedded() => Embedded.Value;

    /// <summary>Parses one holiday file (<c>{ "year": 2026, "holidays": [{ "date", "name", "kind" }] }</c>).</summary>
    /// <exception cref="InvalidDataException">The file is malformed.</exception>
    public static IReadOnlyList<Holiday> ParseYear(string json, out int year)
    {
        HolidayFile file = JsonSerializer.Deserialize<HolidayFile>(json, JsonOptions)
            ?? throw new InvalidDataException("Holiday file is empty.");
        year = file.Year;
        var list = new List<Holiday>();
        foreach (HolidayEntry entry in file.Holidays ?? [])
        {
            if (!DateOnly.TryParseExact(entry.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
            {
                throw new InvalidDataException($"Holiday date '{entry.Date}' is not yyyy-MM-dd.");
            }

            if (date.Year != file.Year)
            {
                throw new InvalidDataException($"Holiday {entry.Date} is outside the file's year {file.Year}.");
            }

            if (string.IsNullOrWhiteSpace(entry.Name) || entry.Kind is not (Holiday.National or Holiday.CollectiveLeave))
            {
                throw new InvalidDataException($"Holiday {entry.Date} needs a name and a kind ({Holiday.National} or {Holiday.CollectiveLeave}).");
            }

            list.Add(new Holiday(date, entry.Name, entry.Kind));
        }

        return list;
    }

    /// <summary>True for Monday–Friday that is not a holiday or cuti bersama.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.ContainsKey(date);

    /// <summary>The holiday on <paramref name="date"/>, if any.</summary>
    public Holiday? HolidayOn(DateOnly date) => _holidays.GetValueOrDefault(date);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="start"/> (the start itself is not counted); 0 returns the start.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        DateOnly current = start;
        int remaining = days;
        while (remaining > 0)
        {
            current = current.AddDays(1);
            if (IsWorkingDay(current))
            {
                remaining--;
            }
        }

        return current;
    }

    /// <summary>
    /// The end (23:59:59 WITA) of the <paramref name="workingDays"/>-th working day after the WITA date of
    /// <paramref name="startUtc"/>, as UTC.
    /// </summary>
    public DateTime DeadlineUtc(DateTime startUtc, int workingDays)
    {
        DateOnly last = AddWorkingDays(Wita.TodayFromUtc(startUtc), workingDays);
        return Wita.ToUtc(last.ToDateTime(new TimeOnly(23, 59, 59)));
    }

    private static WorkingDayCalendar LoadEmbeddedCore()
    {
        Assembly assembly = typeof(WorkingDayCalendar).Assembly;
        var holidays = new List<Holiday>();
        var years = new List<int>();
        foreach (string name in assembly.GetManifestResourceNames()
                     .Where(n => n.Contains(".Calendar.holidays-", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            holidays.AddRange(ParseYear(reader.ReadToEnd(), out int year));
            if (years.Contains(year))
            {
                throw new InvalidDataException($"Holiday year {year} appears in more than one file.");
            }

            years.Add(year);
        }

        if (years.Count == 0)
        {
            throw new InvalidDataException("No embedded holiday files found.");
        }

        return new WorkingDayCalendar(holidays, years);
    }

    private sealed class HolidayFile
    {
        public int Year { get; set; }

        public List<HolidayEntry>? Holidays { get; set; }
    }

    private sealed class HolidayEntry
    {
        public string? Date { get; set; }

        public string? Name { get; set; }

        public string? Kind { get; set; }
    }
}
