using HanZhao.Recruit.Web.Applicant;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HanZhao.Recruit.Web.Review.Letters;

/// <summary>/review/letters/{id}: a referee's PDF letter for staff who may see its application, shown in the reader's frame.</summary>
[Authorize(Policy = StaffPolicies.Staff)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class LettersController(ReceivedLetters letters) : Controller
{
    [HttpGet("/review/letters/{id:int}")]
    public async Task<IActionResult> Letter(int id, CancellationToken cancellationToken) =>
        await letters.PdfAsync(User, id, cancellationToken) is { } file
            ? DocumentResponse.Pdf(HttpContext, file, download: false, frameable: true)
            : NotFound();
}
