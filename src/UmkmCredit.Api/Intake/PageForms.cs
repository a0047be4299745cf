using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using UmkmCredit.Api.Http;
using UmkmCredit.Api.Pages;
using UmkmCredit.Domain.Applications;
using UmkmCredit.Workflow.Intake;
using UmkmCredit.Workflow.UseCases;

namespace UmkmCredit.Api.Intake;

/// <summary>A form posted by a page: text fields, the documents that passed the checks, and messages for those that did not.</summary>
public sealed record PostedForm(IReadOnlyDictionary<string, string> Fields, IReadOnlyList<UploadedDocument> Documents, IReadOnlyList<ValidationError> FileErrors)
{
    /// <summary>A text field, or empty.</summary>
    public string Value(string name) => Fields.TryGetValue(name, out var v) ? v : string.Empty;
}

/// <summary>
/// Reads what a page posts (<c>multipart/form-data</c> or <c>application/x-www-form-urlencoded</c>). Every file is
/// checked — 10 MB, PDF/JPEG/PNG by magic bytes — and a bad one becomes a message at its own field naming the file,
/// so the person sees every problem at once.
/// </summary>
public static class PageForms
{
    /// <summary>Longest text field kept.</summary>
    public const int MaxFieldChars = 4000;

    /// <summary>Reads the posted form; a failure only for a body that is not a form at all.</summary>
    public static async Task<Result<PostedForm>> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var docs = new List<UploadedDocument>();
        var errors = new List<ValidationError>();
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.ToString() : string.Empty;
        if (mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var (form, failure) = await RequestReading.ReadSmallFormAsync(request, ct).ConfigureAwait(false);
            if (failure is not null)
            {
                return failure;
            }

            foreach (var (key, value) in form!)
            {
                fields[key] = Clip(value.ToString());
            }

            return new PostedForm(fields, docs, errors);
        }

        if (!mediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Failure.Unsupported("Kirim formulir dari halaman (multipart/form-data atau application/x-www-form-urlencoded).");
        }

        var boundary = HeaderUtilities.RemoveQuotes(parsed!.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return Failure.Field("$", "multipart.boundary", "Batas (boundary) multipart tidak ada.");
        }

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        var textBytes = 0;
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(ct).ConfigureAwait(false)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                if (fileName is null && !disposition.FileNameStar.HasValue)
                {
                    var text = await RequestReading.ReadLimitedAsync(section.Body, null, RequestReading.MaxJsonBytes - textBytes, ct).ConfigureAwait(false);
                    if (text is null)
                    {
                        return Failure.TooLarge("Isian melebihi 256 KB.");
                    }

                    textBytes += text.Length;
                    fields[name] = Clip(System.Text.Encoding.UTF8.GetString(text));
                    continue;
                }

                fileName = Path.GetFileName(fileName ?? disposition.FileNameStar.Value ?? string.Empty);
                if (!DocumentKinds.IsKnown(name))
                {
                    errors.Add(new ValidationError(name.Length == 0 ? "documents" : name, "document.kind", $"Jenis dokumen untuk berkas {fileName} tidak dikenal."));
                    continue;
                }

                var content = await RequestReading.ReadLimitedAsync(section.Body, null, RequestReading.MaxDocumentBytes, ct).ConfigureAwait(false);
                if (content is null)
                {
                    errors.Add(new ValidationError(name, "document.tooLarge", $"Berkas {fileName} lebih dari 10 MB. Perkecil lalu pilih lagi."));
                    continue;
                }

                if (content.Length == 0 && string.IsNullOrEmpty(fileName))
                {
                    continue; // a file field left empty
                }

                if (FileSignatures.Detect(content) is not { } type)
                {
                    errors.Add(new ValidationError(name, "document.type", $"Berkas {fileName} bukan PDF, JPEG atau PNG (isi berkas yang diperiksa, bukan namanya). Pilih berkas lain."));
                    continue;
                }

                docs.RemoveAll(d => d.Kind == name);
                docs.Add(new UploadedDocument(name, type, content));
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return Failure.Field("$", "multipart.malformed", "Data formulir tidak lengkap. Kirim lagi.");
        }

        return new PostedForm(fields, docs, errors);
    }

    /// <summary>
    /// The application of a page form (fields named by JSON paths) as the JSON the API takes, so both go through the same
    /// parsing and the same command. Numbers accept thousands separators; a number that is not one is a message at its field.
    /// </summary>
    public static (ApplicationForm? Form, byte[] Json, List<ValidationError> Errors) BindApplication(PostedForm posted)
    {
        var errors = new List<ValidationError>();
        var root = new JsonObject();
        foreach (var path in ApplicationFormFields.TextFields.Concat(ApplicationFormFields.CheckFields))
        {
            var parts = path.Split('.');
            var section = root[parts[0]] as JsonObject ?? (JsonObject)(root[parts[0]] = new JsonObject());
            var raw = posted.Value(path).Trim();
            if (ApplicationFormFields.CheckFields.Contains(path))
            {
                // An unticked box posts nothing: the required consent then reads false (its message), the optional ones stay absent.
                if (path == "consent.dataProcessing" || raw.Length > 0)
                {
                    section[parts[1]] = raw is "true" or "on" or "ya";
                }
            }
            else if (raw.Length == 0)
            {
                section[parts[1]] = null;
            }
            else if (ApplicationFormFields.NumberFields.Contains(path))
            {
                var digits = raw.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal)
                    .Replace("Rp", string.Empty, StringComparison.OrdinalIgnoreCase);
                if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= int.MaxValue * 1000L)
                {
                    section[parts[1]] = number;
                }
                else
                {
                    errors.Add(new ValidationError(path, "json.type", "Isi dengan angka saja, misalnya 50000000."));
                    section[parts[1]] = null;
                }
            }
            else
            {
                section[parts[1]] = raw;
            }
        }

        var json = System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
        var (form, failure) = ApplicationBinding.ParseForm(json);
        if (failure?.Errors is { } parseErrors)
        {
            errors.AddRange(parseErrors.Select(e => e with { Message = "Isi dengan angka yang wajar." }));
        }

        return (form, json, errors);
    }

    /// <summary>SHA-256 of the bound JSON and the documents: a retried post with the same key is recognised.</summary>
    public static string Hash(byte[] json, IEnumerable<UploadedDocument> docs)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(json);
        foreach (var d in docs.OrderBy(d => d.Kind, StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes("\n" + d.Kind + "\n"));
            sha.AppendData(SHA256.HashData(d.Content.Span));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static string Clip(string value) => value.Length > MaxFieldChars ? value[..MaxFieldChars] : value;
}
