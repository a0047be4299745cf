using UmkmCredit.Domain.Applications;

namespace UmkmCredit.Domain.Privacy;

/// <summary>What the retention job does with one application.</summary>
public enum RetentionVerdict
{
    /// <summary>Still active: nothing to decide yet.</summary>
    Active,

    /// <summary>Final, but its retention period has not run out.</summary>
    Keep,

    /// <summary>Final and past its retention period: purge personal data, documents and engine history.</summary>
    Purge,
}

/// <summary>How long final applications are kept (<c>Retention:*</c>).</summary>
/// <param name="FinalApplications">Final applications without a signed agreement, counted from their final status.</param>
/// <param name="SignedAgreements">Applications with a signed agreement (the agreement and its audit), counted the same way.</param>
public readonly record struct RetentionPeriods(TimeSpan FinalApplications, TimeSpan SignedAgreements);

/// <summary>
/// UU 27/2022 (PDP): the applicant's erasure and the retention of final applications. Pure rules; the commands
/// ask them and never decide themselves.
/// </summary>
public static class PersonalDataRules
{
    /// <summary>
    /// The applicant may erase an application in a final state without a signed agreement (a signed agreement is
    /// kept for the legal period, and an active application still needs its data).
    /// </summary>
    public static RuleCheck MayErase(ApplicationStatus status, bool hasSignedAgreement)
    {
        if (!status.IsTerminal())
        {
            return RuleCheck.No($"Data belum dapat dihapus karena permohonan masih berjalan (status \"{status.Label()}\"). Tarik permohonan terlebih dahulu, lalu minta penghapusan.");
        }

        return hasSignedAgreement || status == ApplicationStatus.Completed
            ? RuleCheck.No("Data tidak dapat dihapus karena perjanjian sudah ditandatangani; perjanjian dan jejak auditnya wajib disimpan selama masa simpan yang ditetapkan.")
            : RuleCheck.Yes;
    }

    /// <summary>
    /// Whether the retention job purges an application now: only final ones, and only once
    /// <paramref name="nowUtc"/> is at least the period after <paramref name="finalAtUtc"/> (the signed-agreement
    /// period when an agreement was signed, else the final-application period).
    /// </summary>
    public static RetentionVerdict Retention(ApplicationStatus status, bool hasSignedAgreement, DateTime finalAtUtc, DateTime nowUtc, RetentionPeriods periods)
    {
        if (!status.IsTerminal())
        {
            return RetentionVerdict.Active;
        }

        var keep = hasSignedAgreement || status == ApplicationStatus.Completed ? periods.SignedAgreements : periods.FinalApplications;
        return nowUtc - finalAtUtc >= keep ? RetentionVerdict.Purge : RetentionVerdict.Keep;
    }
}
