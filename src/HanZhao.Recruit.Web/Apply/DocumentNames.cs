using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Intakes;

namespace HanZhao.Recruit.Web.Apply;

/// <summary>
/// The documents step's boxes: which documents an application on a route can upload (what the route
/// requires, then others), what each is, and what to say when one is missing. Texts are English keys;
/// a kind's own label is <see cref="Applicant.PortalText.Kind"/>.
/// </summary>
public static class DocumentNames
{
    /// <summary>The kinds with a box on the documents page, in its order: the required ones, then "other documents".</summary>
    public static IReadOnlyList<DocumentKind> Accepted(AdmissionRoute route) => [.. AdmissionRouteGuide.RequiredDocuments(route), DocumentKind.Other];

    /// <summary>The name a box's messages are filed under (and its file input's id, after "f-").</summary>
    public static string FileField(DocumentKind kind) => $"file-{kind}";

    /// <summary>What to upload in the box.</summary>
    public static string Description(DocumentKind kind) => kind switch
    {
        DocumentKind.Cv => "Your education, research, projects, publications and awards.",
        DocumentKind.Transcript => "Every course and grade so far, as your university issues it.",
        DocumentKind.RankingCertificate => "Your university's statement of your rank in your cohort (排名证明), with its stamp.",
        DocumentKind.ResearchProposal => "What you would research in the PhD and how: a few pages.",
        DocumentKind.EnglishCertificate => "The score report of your English test.",
        _ => "Certificates, papers or anything else you want the professor to see: up to 3 files.",
    };

    /// <summary>The line in "still missing before you can submit".</summary>
    public static string UploadPrompt(DocumentKind kind) => kind switch
    {
        DocumentKind.Cv => "Upload your CV.",
        DocumentKind.Transcript => "Upload your transcript.",
        DocumentKind.RankingCertificate => "Upload your ranking certificate (排名证明).",
        DocumentKind.ResearchProposal => "Upload your research proposal.",
        DocumentKind.EnglishCertificate => "Upload your English test score report.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Other documents are never required."),
    };
}
