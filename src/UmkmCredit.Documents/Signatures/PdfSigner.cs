namespace UmkmCredit.Documents.Signatures;

/// <summary>Adds PAdES signatures to a PDF, each in its own incremental revision.</summary>
public static class PdfSigner
{
    /// <summary>
    /// Appends a revision with a signature field described by <paramref name="field"/> and signs it: a
    /// CAdES-detached CMS over every byte of the new file except the signature itself. With a time-stamp
    /// authority the signature carries an RFC 3161 token (PAdES B-T). Earlier signatures are not touched.
    /// </summary>
    public static async Task<byte[]> SignAsync(byte[] pdf, SignatureFieldSpec field, SigningCredential credential, ITimeStampAuthority? timeStamps = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        PreparedRevision revision = PdfRevisionWriter.Prepare(pdf, field, ReservedBytes(credential, timeStamps is not null));
        byte[] cms = await CadesSignature.SignAsync(revision.SignedBytes(), credential, timeStamps, cancellationToken).ConfigureAwait(false);
        return revision.Complete(cms);
    }

    /// <summary>
    /// Room for the CMS: the certificates it embeds, the signature and attributes, and for a timestamp the
    /// token with the authority's certificates (kept generous: an unused byte costs two zeros in the file).
    /// </summary>
    internal static int ReservedBytes(SigningCredential credential, bool timeStamped) =>
        2048 + credential.Certificate.RawData.Length + credential.Chain.Sum(c => c.RawData.Length) + (timeStamped ? 8192 : 0);
}
