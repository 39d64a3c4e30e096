using HanZhao.Recruit.Web.Applicant;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.Documents;

/// <summary>
/// Application documents for staff: one PDF (/review/documents/{id}), shown or downloaded, and the
/// documents of selected applications as one ZIP (/review/documents.zip, the professor's).
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class DocumentsController(DocumentExport documents) : Controller
{
    /// <summary>
    /// A document of an application the user may not see answers 404 like a missing one. Shown (not
    /// downloaded), it may be framed by our own pages: the reader shows it beside the application.
    /// </summary>
    [HttpGet("/review/documents/{id:int}")]
    public async Task<IActionResult> Document(int id, DocumentQuery query, CancellationToken cancellationToken) =>
        await documents.FindAsync(User, id, cancellationToken) is { } file
            ? DocumentResponse.Pdf(HttpContext, file, query.Download, frameable: true)
            : NotFound();

    /// <summary>The documents of the selected applications; ids the professor cannot see are ignored.</summary>
    [HttpGet("/review/documents.zip")]
    [Authorize(Policy = StaffPolicies.Professor)]
    public async Task<IActionResult> Zip(Selection selection, CancellationToken cancellationToken)
    {
        if (!selection.IsUsable)
        {
            return this.RefusedSelection(selection);
        }

        Response.ContentType = "application/zip";
        Response.Headers.ContentDisposition = "attachment; filename=\"application-documents.zip\"";
        await documents.WriteAsync(User, selection.Ids, Response.Body, cancellationToken);
        return new EmptyResult();
    }
}

