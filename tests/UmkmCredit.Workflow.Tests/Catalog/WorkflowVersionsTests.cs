using Microsoft.DurableTask.Abstractions;
using UmkmCredit.Workflow.Catalog;

namespace UmkmCredit.Workflow.Tests.Catalog;

/// <summary>The one place the orchestration compares versions.</summary>
public sealed class WorkflowVersionsTests
{
    [Theory]
    [InlineData("1.0", "2.0", -1)]
    [InlineData("2.0", "10.0", -1)]
    [InlineData("10.0", "9.0", 1)]
    [InlineData("1", "10", -1)]
    [InlineData("2", "10", -1)]
    [InlineData("2", "2.0", 0)]
    [InlineData("2.1", "2.0", 1)]
    [InlineData(" 2.0 ", "2.0", 0)]
    [InlineData("", "1.0", -1)]
    [InlineData(null, "1.0", -1)]
    [InlineData("1.0", null, 1)]
    [InlineData(null, "", 0)]
    public void Versions_compare_as_numbers_and_no_version_is_the_oldest(string? a, string? b, int expected) =>
        Assert.Equal(expected, Math.Sign(WorkflowVersions.Compare(a, b)));

    [Fact]
    public void Instances_without_a_version_and_of_1_0_take_the_old_path_and_2_0_the_new()
    {
        Assert.False(WorkflowVersions.IsAtLeast(null, WorkflowVersions.V2));
        Assert.False(WorkflowVersions.IsAtLeast(string.Empty, WorkflowVersions.V2));
        Assert.False(WorkflowVersions.IsAtLeast(WorkflowVersions.V1, WorkflowVersions.V2));
        Assert.True(WorkflowVersions.IsAtLeast(WorkflowVersions.V2, WorkflowVersions.V2));
        Assert.True(WorkflowVersions.IsAtLeast("10.0", WorkflowVersions.V2));
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("2.x")]
    [InlineData("2025-01-01")]
    public void A_version_that_is_not_numbers_is_refused(string version) =>
        Assert.Throws<FormatException>(() => WorkflowVersions.Compare(version, WorkflowVersions.V1));

    [Fact]
    public void Known_versions_are_major_minor_ascending_and_end_with_the_current_one()
    {
        Assert.All(WorkflowVersions.Known, v => Assert.Matches(@"^\d+\.\d+$", v));
        Assert.Equal(WorkflowVersions.Known.Order(Comparer<string>.Create(WorkflowVersions.Compare)), WorkflowVersions.Known);
        Assert.Equal(WorkflowVersions.Current, WorkflowVersions.Known[^1]);
        Assert.True(WorkflowVersions.IsKnown(WorkflowVersions.V1));
        Assert.False(WorkflowVersions.IsKnown("2"));
        Assert.False(WorkflowVersions.IsKnown(null));
    }

    [Fact]
    public void The_engine_agrees_on_major_minor_versions_but_not_on_bare_numbers()
    {
        // The engine decides which worker may run an instance (CurrentOrOlder) with its own comparison; for major.minor
        // versions it agrees with ours, which is why every known version is written that way...
        string[] versions = ["", "1.0", "2.0", "9.0", "10.0", "10.1"];
        foreach (var a in versions)
        {
            foreach (var b in versions)
            {
                Assert.Equal(Math.Sign(WorkflowVersions.Compare(a, b)), Math.Sign(TaskOrchestrationVersioningUtils.CompareVersions(a, b)));
            }
        }

        // ...because bare numbers do not parse as System.Version there and compare as text: "2" after "10".
        Assert.True(TaskOrchestrationVersioningUtils.CompareVersions("2", "10") > 0);
    }
}
