using UmkmCredit.Domain.Applications;

namespace UmkmCredit.Domain.Review;

/// <summary>Review decisions.</summary>
public enum ReviewVerdict
{
    /// <summary>Approve, optionally with a lower amount and recommendations.</summary>
    Approve,

    /// <summary>Reject with a note.</summary>
    Reject,

    /// <summary>Ask the applicant to revise with a note.</summary>
    Revise,
}

/// <summary>A reviewer's decision as typed (before the rules are applied).</summary>
/// <param name="Verdict">Approve, reject or revise.</param>
/// <param name="Note">The note (required for reject and revise).</param>
/// <param name="ApprovedAmount">A lower approved amount, only when approving.</param>
/// <param name="Recommendations">Mentoring/training commitments that become a clause of the agreement.</param>
public sealed record ReviewDecision(ReviewVerdict Verdict, string? Note, long? ApprovedAmount, IReadOnlyList<string> Recommendations);

/// <summary>The OPD review rules: what a decision must carry and how many revision rounds a reviewer may ask for.</summary>
public static class ReviewRules
{
    /// <summary>Longest note.</summary>
    public const int MaxNote = 2000;

    /// <summary>Most recommendations.</summary>
    public const int MaxRecommendations = 10;

    /// <summary>Longest recommendation.</summary>
    public const int MaxRecommendation = 500;

    /// <summary>The verdict of a form or JSON value (<c>approve</c>, <c>reject</c>, <c>revise</c>), or null.</summary>
    public static ReviewVerdict? ParseVerdict(string? value) => value switch
    {
        "approve" => ReviewVerdict.Approve,
        "reject" => ReviewVerdict.Reject,
        "revise" => ReviewVerdict.Revise,
        _ => null,
    };

    /// <summary>The wire name of a verdict.</summary>
    public static string WireName(this ReviewVerdict verdict) => verdict.ToString().ToLowerInvariant();

    /// <summary>True while the reviewer may still ask for another revision round.</summary>
    public static bool CanRevise(int roundsUsed, int maxRounds) => roundsUsed < maxRounds;

    /// <summary>The status a decision leads to.</summary>
    public static ApplicationStatus Outcome(ReviewVerdict verdict) => verdict switch
    {
        ReviewVerdict.Approve => ApplicationStatus.Approved,
        ReviewVerdict.Reject => ApplicationStatus.Rejected,
        _ => ApplicationStatus.RevisionRequested,
    };

    /// <summary>Every rule the decision breaks (empty when it may be recorded).</summary>
    public static IReadOnlyList<ValidationError> Validate(ReviewDecision decision, long requestedAmount, bool canRevise)
    {
        var errors = new List<ValidationError>();
        if (decision.Verdict is ReviewVerdict.Reject or ReviewVerdict.Revise && string.IsNullOrWhiteSpace(decision.Note))
        {
            errors.Add(new("note", "note.required", "Catatan wajib diisi untuk keputusan tolak atau perbaikan."));
        }
        else if (decision.Note is not null && !TextHygiene.TryClean(decision.Note, MaxNote, true, out _, out var code))
        {
            errors.Add(new("note", code ?? ValidationCodes.InvalidCharacters, $"Catatan paling panjang {MaxNote} karakter dan tidak boleh memuat karakter kendali."));
        }

        if (decision.Verdict == ReviewVerdict.Revise && !canRevise)
        {
            errors.Add(new("decision", "decision.revisionLimit", "Batas jumlah putaran perbaikan sudah tercapai; pilih setujui atau tolak."));
        }

        if (decision.ApprovedAmount is { } amount)
        {
            if (decision.Verdict != ReviewVerdict.Approve)
            {
                errors.Add(new("approvedAmount", "approvedAmount.notApproving", "Nilai yang disetujui hanya diisi untuk keputusan setuju."));
            }
            else if (amount <= 0 || amount > requestedAmount)
            {
                errors.Add(new("approvedAmount", "approvedAmount.range", "Nilai yang disetujui harus lebih dari nol dan tidak melebihi nilai yang diajukan."));
            }
        }

        if (decision.Recommendations.Count > MaxRecommendations)
        {
            errors.Add(new("recommendations", "recommendations.count", $"Paling banyak {MaxRecommendations} rekomendasi."));
        }
        else if (decision.Recommendations.Any(x => !TextHygiene.TryClean(x, MaxRecommendation, false, out _, out _)))
        {
            errors.Add(new("recommendations", "recommendations.text", $"Setiap rekomendasi paling panjang {MaxRecommendation} karakter tanpa karakter kendali."));
        }

        return errors;
    }
}
