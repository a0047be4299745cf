using System.Text.Json;
using UmkmCredit.Domain.Applications;

namespace UmkmCredit.Domain.Tests.Applications;

public sealed class ApplicationLifecycleTests
{
    private static readonly DateTime T0 = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    // The legal graph, written out independently of the implementation.
    private static readonly (ApplicationStatus From, ApplicationStatus To)[] LegalEdges =
    [
        (ApplicationStatus.Submitted, ApplicationStatus.AwaitingDocuments),
        (ApplicationStatus.Submitted, ApplicationStatus.InReview),
        (ApplicationStatus.Submitted, ApplicationStatus.Rejected),
        (ApplicationStatus.Submitted, ApplicationStatus.Withdrawn),
        (ApplicationStatus.Submitted, ApplicationStatus.Cancelled),
        (ApplicationStatus.AwaitingDocuments, ApplicationStatus.InReview),
        (ApplicationStatus.AwaitingDocuments, ApplicationStatus.Rejected),
        (ApplicationStatus.AwaitingDocuments, ApplicationStatus.Expired),
        (ApplicationStatus.AwaitingDocuments, ApplicationStatus.Withdrawn),
        (ApplicationStatus.AwaitingDocuments, ApplicationStatus.Cancelled),
        (ApplicationStatus.InReview, ApplicationStatus.Approved),
        (ApplicationStatus.InReview, ApplicationStatus.Rejected),
        (ApplicationStatus.InReview, ApplicationStatus.RevisionRequested),
        (ApplicationStatus.InReview, ApplicationStatus.Expired),
        (ApplicationStatus.InReview, ApplicationStatus.Withdrawn),
        (ApplicationStatus.InReview, ApplicationStatus.Cancelled),
        (ApplicationStatus.RevisionRequested, ApplicationStatus.InReview),
        (ApplicationStatus.RevisionRequested, ApplicationStatus.AwaitingDocuments),
        (ApplicationStatus.RevisionRequested, ApplicationStatus.Rejected),
        (ApplicationStatus.RevisionRequested, ApplicationStatus.Expired),
        (ApplicationStatus.RevisionRequested, ApplicationStatus.Withdrawn),
        (ApplicationStatus.RevisionRequested, ApplicationStatus.Cancelled),
        (ApplicationStatus.Approved, ApplicationStatus.AwaitingSignatures),
        (ApplicationStatus.Approved, ApplicationStatus.Cancelled),
        (ApplicationStatus.Approved, ApplicationStatus.Withdrawn),
        (ApplicationStatus.AwaitingSignatures, ApplicationStatus.Completed),
        (ApplicationStatus.AwaitingSignatures, ApplicationStatus.Declined),
        (ApplicationStatus.AwaitingSignatures, ApplicationStatus.Expired),
        (ApplicationStatus.AwaitingSignatures, ApplicationStatus.Withdrawn),
        (ApplicationStatus.AwaitingSignatures, ApplicationStatus.Cancelled),
    ];

    private static readonly ApplicationStatus[] Terminal =
    [
        ApplicationStatus.Completed, ApplicationStatus.Rejected, ApplicationStatus.Declined,
        ApplicationStatus.Expired, ApplicationStatus.Withdrawn, ApplicationStatus.Cancelled,
    ];

    public static TheoryData<ApplicationStatus, ApplicationStatus> AllPairs()
    {
        var data = new TheoryData<ApplicationStatus, ApplicationStatus>();
        foreach (ApplicationStatus from in Enum.GetValues<ApplicationStatus>())
        {
            foreach (ApplicationStatus to in Enum.GetValues<ApplicationStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Fact]
    public void Start_IsSubmitted_WithOneHistoryEntry()
    {
        ApplicationLifecycle lifecycle = ApplicationLifecycle.Start(T0);

        Assert.Equal(ApplicationStatus.Submitted, lifecycle.Status);
        StatusChange entry = Assert.Single(lifecycle.History);
        Assert.Equal(new StatusChange(T0, ApplicationStatus.Submitted, ApplicationStatus.Submitted, "applicant", null), entry);
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void CanMoveTo_MatchesTheLegalGraph(ApplicationStatus from, ApplicationStatus to)
    {
        bool legal = LegalEdges.Contains((from, to));
        var lifecycle = new ApplicationLifecycle(from, [new StatusChange(T0, from, from, "test", null)]);

        Assert.Equal(legal, lifecycle.CanMoveTo(to));
        Assert.Equal(legal, from.CanMoveTo(to));
        if (legal)
        {
            ApplicationLifecycle moved = lifecycle.MoveTo(to, "reviewer:opd-01", T0.AddHours(1), "catatan");
            Assert.Equal(to, moved.Status);
            Assert.Equal(new StatusChange(T0.AddHours(1), from, to, "reviewer:opd-01", "catatan"), moved.History[^1]);
            Assert.Equal(2, moved.History.Count);
            Assert.Single(lifecycle.History); // the original is unchanged
        }
        else
        {
            IllegalTransitionException ex = Assert.Throws<IllegalTransitionException>(() => lifecycle.MoveTo(to, "admin", T0));
            Assert.Equal(from, ex.From);
            Assert.Equal(to, ex.To);
            Assert.IsAssignableFrom<DomainException>(ex);
        }
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted, false)]
    [InlineData(ApplicationStatus.AwaitingDocuments, false)]
    [InlineData(ApplicationStatus.InReview, false)]
    [InlineData(ApplicationStatus.RevisionRequested, false)]
    [InlineData(ApplicationStatus.Approved, false)]
    [InlineData(ApplicationStatus.AwaitingSignatures, false)]
    [InlineData(ApplicationStatus.Completed, true)]
    [InlineData(ApplicationStatus.Rejected, true)]
    [InlineData(ApplicationStatus.Declined, true)]
    [InlineData(ApplicationStatus.Expired, true)]
    [InlineData(ApplicationStatus.Withdrawn, true)]
    [InlineData(ApplicationStatus.Cancelled, true)]
    public void IsTerminal(ApplicationStatus status, bool expected)
    {
        Assert.Equal(expected, status.IsTerminal());
        Assert.Equal(expected, Terminal.Contains(status));
        Assert.Equal(expected, status.NextStatuses().Count == 0);
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted, ApplicationStatus.Approved)] // review cannot be skipped
    [InlineData(ApplicationStatus.InReview, ApplicationStatus.Completed)]
    [InlineData(ApplicationStatus.Approved, ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Completed, ApplicationStatus.Cancelled)]
    [InlineData(ApplicationStatus.Withdrawn, ApplicationStatus.InReview)]
    [InlineData(ApplicationStatus.InReview, ApplicationStatus.InReview)]
    public void IllegalTransitions_Throw(ApplicationStatus from, ApplicationStatus to)
    {
        var lifecycle = new ApplicationLifecycle(from, []);

        Assert.Throws<IllegalTransitionException>(() => lifecycle.MoveTo(to, "system", T0));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void MoveTo_WithoutActor_Throws(string actor)
    {
        Assert.Throws<ArgumentException>(() => ApplicationLifecycle.Start(T0).MoveTo(ApplicationStatus.InReview, actor, T0));
    }

    [Fact]
    public void HappyPath_RecordsEveryTransition()
    {
        ApplicationLifecycle lifecycle = ApplicationLifecycle.Start(T0)
            .MoveTo(ApplicationStatus.AwaitingDocuments, "system", T0.AddMinutes(1))
            .MoveTo(ApplicationStatus.InReview, "system", T0.AddDays(1))
            .MoveTo(ApplicationStatus.RevisionRequested, "reviewer:opd-01", T0.AddDays(2), "Foto usaha kurang jelas")
            .MoveTo(ApplicationStatus.InReview, "applicant", T0.AddDays(3))
            .MoveTo(ApplicationStatus.Approved, "reviewer:opd-01", T0.AddDays(4))
            .MoveTo(ApplicationStatus.AwaitingSignatures, "system", T0.AddDays(4))
            .MoveTo(ApplicationStatus.Completed, "system", T0.AddDays(6));

        Assert.Equal(ApplicationStatus.Completed, lifecycle.Status);
        Assert.True(lifecycle.IsTerminal);
        Assert.Equal(8, lifecycle.History.Count);
        Assert.Equal("Foto usaha kurang jelas", lifecycle.History[3].Note);
        for (int i = 1; i < lifecycle.History.Count; i++)
        {
            Assert.Equal(lifecycle.History[i - 1].To, lifecycle.History[i].From);
        }

        Assert.Equal(T0.AddDays(6), lifecycle.CurrentSince);
    }

    [Fact]
    public void Lifecycle_RoundTripsThroughJson_WithStatusesAsStrings()
    {
        ApplicationLifecycle lifecycle = ApplicationLifecycle.Start(T0)
            .MoveTo(ApplicationStatus.InReview, "system", T0.AddHours(1))
            .MoveTo(ApplicationStatus.RevisionRequested, "reviewer:opd-01", T0.AddHours(2), "Lengkapi <NPWP> & \"KK\"");

        foreach (JsonSerializerOptions options in new[] { JsonSerializerOptions.Default, JsonSerializerOptions.Web })
        {
            string json = JsonSerializer.Serialize(lifecycle, options);
            ApplicationLifecycle? back = JsonSerializer.Deserialize<ApplicationLifecycle>(json, options);

            Assert.Contains("RevisionRequested", json, StringComparison.Ordinal);
            Assert.Equal(lifecycle, back);
            Assert.Equal(DateTimeKind.Utc, back!.History[0].At.Kind);
            Assert.True(back.CanMoveTo(ApplicationStatus.InReview));
        }
    }

    [Fact]
    public void Equality_IsByValueOfTheHistory()
    {
        ApplicationLifecycle a = ApplicationLifecycle.Start(T0).MoveTo(ApplicationStatus.InReview, "system", T0);
        ApplicationLifecycle b = ApplicationLifecycle.Start(T0).MoveTo(ApplicationStatus.InReview, "system", T0);
        ApplicationLifecycle c = ApplicationLifecycle.Start(T0).MoveTo(ApplicationStatus.InReview, "admin", T0);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Labels_AreIndonesian_AndDistinct()
    {
        string[] labels = Enum.GetValues<ApplicationStatus>().Select(s => s.Label()).ToArray();

        Assert.Equal(labels.Length, labels.Distinct().Count());
        Assert.Equal("Menunggu tanda tangan", ApplicationStatus.AwaitingSignatures.Label());
    }
}
