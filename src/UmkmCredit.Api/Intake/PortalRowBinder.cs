using UmkmCredit.Api.Pages;
using UmkmCredit.Workflow.Imports;
using UmkmCredit.Workflow.UseCases.Applicant;

namespace UmkmCredit.Api.Intake;

/// <summary>Binds a bulk-import row as the portal binds its form (<see cref="PageForms.BindApplication"/>): same columns, same number and check-box reading.</summary>
public sealed class PortalRowBinder : IImportRowBinder
{
    /// <inheritdoc />
    public IReadOnlySet<string> Columns { get; } = new HashSet<string>(ApplicationFormFields.TextFields.Concat(ApplicationFormFields.CheckFields), StringComparer.Ordinal);

    /// <inheritdoc />
    public SubmitApplicationCommand Bind(IReadOnlyDictionary<string, string> fields)
    {
        var posted = new PostedForm(fields, [], []);
        var (form, json, errors) = PageForms.BindApplication(posted);
        return new SubmitApplicationCommand(form, [], null, PageForms.Hash(json, []), errors);
    }
}
