using Microsoft.DurableTask.Converters;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Domain.Schemes;
using UmkmCredit.Workflow.Contracts;

namespace UmkmCredit.Workflow.Tests;

/// <summary>
/// The typed contracts keep the shapes already stored in orchestration histories and custom statuses (and answered over
/// HTTP): enums travel as their names, through the same converter the engine uses.
/// </summary>
public sealed class ContractTests
{
    private static readonly JsonDataConverter Converter = JsonDataConverter.Default;

    [Fact]
    public void Agreement_and_signature_states_serialise_as_their_names()
    {
        var json = Converter.Serialize(new ApplicationSnapshot(
            ApplicationStatus.AwaitingSignatures, DateTime.UnixEpoch, null, [], null, [], "r1", null,
            new AgreementSnapshot("001", AgreementState.Draft, "sha"),
            [new SignatureSnapshot("applicant", "Siti", SignatureState.Declined, null, "sign-applicant")]));

        Assert.Contains("\"Status\":\"Draft\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"Declined\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"AwaitingSignatures\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_status_written_before_the_enums_existed_still_reads()
    {
        const string stored = """
            {"Status":"Completed","UpdatedAtUtc":"2026-01-02T03:04:05Z","DeadlineUtc":null,"Reasons":[],"Review":null,"History":[],
             "RuleVersion":"r1","PendingLinkId":null,"Agreement":{"Number":"001","Status":"Signed","Sha256":"abc"},
             "Signatures":[{"Role":"bank","Name":"Budi","Status":"Signed","At":null,"LinkId":"sign-bank"},
                           {"Role":"opd","Name":"Ani","Status":"Pending","At":null,"LinkId":"sign-opd"}],"PendingLinkIds":[]}
            """;

        var snapshot = Converter.Deserialize<ApplicationSnapshot>(stored)!;

        Assert.Equal(AgreementState.Signed, snapshot.Agreement!.Status);
        Assert.Equal([SignatureState.Signed, SignatureState.Pending], snapshot.Signatures!.Select(s => s.Status));
    }

    [Fact]
    public void A_screening_report_recorded_with_a_string_outcome_replays_as_the_enum()
    {
        const string recorded = """
            {"Outcome":"MissingDocuments","Reasons":[{"Code":"document.missing","Message":"KTP"}],"MissingDocuments":["ktp"],
             "RuleVersion":"r1","DocumentsDeadlineUtc":"2026-01-02T03:04:05Z"}
            """;

        var report = Converter.Deserialize<ScreeningReport>(recorded)!;

        Assert.Equal(ScreeningOutcome.MissingDocuments, report.Outcome);
        Assert.Contains("\"Outcome\":\"MissingDocuments\"", Converter.Serialize(report), StringComparison.Ordinal);
    }
}
