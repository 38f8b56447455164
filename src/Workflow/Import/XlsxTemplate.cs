using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Workbooks;

namespace Approval.Workflow.Import;

/// <summary>
/// The workbook the importer is made for: a form in the official layout (<see cref="SelfEvaluationWorkbook"/>), or,
/// without a form, the empty template for a year (<see cref="SelfEvaluationTemplateWorkbook"/>).
/// </summary>
public static class XlsxTemplate
{
    public static byte[] Create(ProjectSelfEvaluationForm? form = null, int? year = null) =>
        form is null
            ? SelfEvaluationTemplateWorkbook.Create(year ?? DateTime.UtcNow.Year)
            : SelfEvaluationWorkbook.Write(form);
}
