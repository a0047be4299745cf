using UmkmCredit.Workflow.Configuration;

namespace UmkmCredit.Workflow.Tests.Configuration;

/// <summary>Start-up validation of approval limits and the four-eyes rules in <c>Opd:*</c>.</summary>
public sealed class FourEyesOptionsTests
{
    private static ActorConfig Person(string id) => new() { Id = id, Name = "Nama " + id, Email = id + "@kaltaraprov.example" };

    private static OpdOptions Directory(long? limit, string supervisor = "kabid", string signer = "kadis") => new()
    {
        Reviewers = { ["6571"] = [new ReviewerConfig { Reviewer = Person("analis"), Supervisor = Person(supervisor), ApprovalLimit = limit }] },
        Signers = { ["6571"] = Person(signer) },
    };

    [Fact]
    public void A_reviewer_with_a_limit_and_another_supervisor_and_signer_passes() =>
        Assert.True(new DirectoryOptionsValidator().Validate(null, Directory(25_000_000)).Succeeded);

    [Fact]
    public void A_supervisor_who_is_the_reviewer_with_a_limit_fails()
    {
        var result = new DirectoryOptionsValidator().Validate(null, Directory(25_000_000, supervisor: "analis"));

        Assert.True(result.Failed);
        Assert.Contains("four-eyes", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new DirectoryOptionsValidator().Validate(null, Directory(null, supervisor: "analis")).Succeeded); // no limit: no second level
    }

    [Theory]
    [InlineData("analis")]
    [InlineData("kabid")]
    public void An_opd_signer_who_reviews_in_the_regency_fails(string signer)
    {
        var result = new DirectoryOptionsValidator().Validate(null, Directory(null, signer: signer));

        Assert.True(result.Failed);
        Assert.Contains("Opd:Signers:6571", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_must_be_positive() =>
        Assert.True(new DirectoryOptionsValidator().Validate(null, Directory(0)).Failed);

    [Fact]
    public void The_limit_of_a_person_is_the_lowest_where_they_review_and_none_as_supervisor()
    {
        var opd = Directory(25_000_000);
        opd.Reviewers["6501"] = [new ReviewerConfig { Reviewer = Person("analis"), Supervisor = Person("kabid2"), ApprovalLimit = 10_000_000 }];

        Assert.Equal(10_000_000, opd.ApprovalLimitOf("analis"));
        Assert.Null(opd.ApprovalLimitOf("kabid"));
    }
}
