using UmkmCredit.Documents.Signatures;

namespace UmkmCredit.Workflow.Agreements;

/// <summary>One embedded PDF signature as the verification answer lists it.</summary>
/// <param name="Name">Who signed (the seal: the programme).</param>
/// <param name="Role"><c>applicant</c>, <c>bank</c>, <c>opd</c> or <c>seal</c> (the field name), or null for a foreign field.</param>
/// <param name="SignedAt">The timestamp's time when there is one, else the claimed signing time.</param>
/// <param name="Valid">True when the signature matches the bytes it covers.</param>
public sealed record EmbeddedSignatureInfo(string? Name, string? Role, DateTime? SignedAt, bool Valid);

/// <summary>Checks the PDF signatures embedded in an agreement (for <c>/api/verify</c>).</summary>
public sealed class AgreementSignatureInspection(IAgreementArchive archive)
{
    /// <summary>The signatures of a PDF, oldest first.</summary>
    public static IReadOnlyList<EmbeddedSignatureInfo> Inspect(byte[] pdf) =>
        [.. PdfSignatureInspector.Inspect(pdf).Select(s => new EmbeddedSignatureInfo(s.SignerName, s.FieldName, s.TimeStampUtc ?? s.SigningTimeUtc, s.Valid))];

    /// <summary>The signatures of an application's stored signed agreement (empty when there is none).</summary>
    public async Task<IReadOnlyList<EmbeddedSignatureInfo>> ForApplicationAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        var stored = await archive.GetPdfAsync(applicationId, "signed", cancellationToken).ConfigureAwait(false);
        return stored is null ? [] : Inspect(stored.Value.Pdf);
    }
}
