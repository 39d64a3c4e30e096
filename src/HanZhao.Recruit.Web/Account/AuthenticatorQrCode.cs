using QRCoder;

namespace HanZhao.Recruit.Web.Account;

/// <summary>
/// The authenticator set-up address as a QR code: SVG made on the server (QRCoder), put in the page as
/// markup, so no script runs and the CSP stays as it is. The same address is shown as text beside it.
/// </summary>
public static class AuthenticatorQrCode
{
    /// <summary>Pixels per module at the SVG's natural size; it scales with its box (viewBox).</summary>
    private const int ModuleSize = 4;

    public static string Svg(string otpauthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(ModuleSize, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
