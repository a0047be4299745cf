using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Review;

namespace UmkmCredit.Domain.Tests.Review;

public sealed class ReviewRulesTests
{
    private const long Requested = 50_000_000;

    private static IReadOnlyList<string> Codes(ReviewDecision d, bool canRevise = true) =>
        ReviewRules.Validate(d, Requested, canRevise).Select(e => e.Path + ":" + e.Code).ToList();

    [Theory]
    [InlineData("approve", ReviewVerdict.Approve)]
    [InlineData("reject", ReviewVerdict.Reject)]
    [InlineData("revise", ReviewVerdict.Revise)]
    public void Verdicts_parse_from_their_wire_names(string wire, ReviewVerdict verdict)
    {
        Assert.Equal(verdict, ReviewRules.ParseVerdict(wire));
        Assert.Equal(wire, verdict.WireName());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Approve")]
    [InlineData("setuju")]
    public void Anything_else_is_no_verdict(string? wire) => Assert.Null(ReviewRules.ParseVerdict(wire));

    [Fact]
    public void A_plain_approval_is_valid() =>
        Assert.Empty(Codes(new ReviewDecision(ReviewVerdict.Approve, null, null, [])));

    [Theory]
    [InlineData(ReviewVerdict.Reject)]
    [InlineData(ReviewVerdict.Revise)]
    public void Reject_and_revise_need_a_note(ReviewVerdict verdict)
    {
        Assert.Contains("note:note.required", Codes(new ReviewDecision(verdict, null, null, [])));
        Assert.Contains("note:note.required", Codes(new ReviewDecision(verdict, "   ", null, [])));
        Assert.Empty(Codes(new ReviewDecision(verdict, "Lengkapi SKU.", null, [])));
    }

    [Fact]
    public void A_note_with_control_characters_or_too_long_is_refused()
    {
        Assert.Contains("note:text.invalidCharacters", Codes(new ReviewDecision(ReviewVerdict.Reject, "a\u0000b", null, [])));
        Assert.Contains("note:text.tooLong", Codes(new ReviewDecision(ReviewVerdict.Reject, new string('x', ReviewRules.MaxNote + 1), null, [])));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(Requested, true)]
    [InlineData(0, false)]
    [InlineData(-5, false)]
    [InlineData(Requested + 1, false)]
    public void The_approved_amount_lies_between_zero_and_the_request(long amount, bool valid) =>
        Assert.Equal(valid, Codes(new ReviewDecision(ReviewVerdict.Approve, null, amount, [])).Count == 0);

    [Fact]
    public void An_amount_only_goes_with_an_approval() =>
        Assert.Contains("approvedAmount:approvedAmount.notApproving", Codes(new ReviewDecision(ReviewVerdict.Reject, "Tidak layak.", 1_000_000, [])));

    [Fact]
    public void Revision_rounds_run_out()
    {
        Assert.True(ReviewRules.CanRevise(1, 2));
        Assert.False(ReviewRules.CanRevise(2, 2));
        Assert.Contains("decision:decision.revisionLimit", Codes(new ReviewDecision(ReviewVerdict.Revise, "Lagi.", null, []), canRevise: false));
    }

    [Fact]
    public void Recommendations_are_limited_in_number_and_length()
    {
        Assert.Contains("recommendations:recommendations.count",
            Codes(new ReviewDecision(ReviewVerdict.Approve, null, null, Enumerable.Range(0, ReviewRules.MaxRecommendations + 1).Select(i => $"r{i}").ToList())));
        Assert.Contains("recommendations:recommendations.text",
            Codes(new ReviewDecision(ReviewVerdict.Approve, null, null, [new string('x', ReviewRules.MaxRecommendation + 1)])));
        Assert.Empty(Codes(new ReviewDecision(ReviewVerdict.Approve, null, null, ["Pelatihan pembukuan sederhana"])));
    }

    [Theory]
    [InlineData(ReviewVerdict.Approve, ApplicationStatus.Approved)]
    [InlineData(ReviewVerdict.Reject, ApplicationStatus.Rejected)]
    [InlineData(ReviewVerdict.Revise, ApplicationStatus.RevisionRequested)]
    public void Each_verdict_leads_to_its_status(ReviewVerdict verdict, ApplicationStatus status) =>
        Assert.Equal(status, ReviewRules.Outcome(verdict));
}
