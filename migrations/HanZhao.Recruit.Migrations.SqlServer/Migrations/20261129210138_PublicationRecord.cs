using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanZhao.Recruit.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PublicationRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Abstract",
                table: "Publications",
                type: "nvarchar(max)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ArxivUrl",
                table: "Publications",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CodeUrl",
                table: "Publications",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsSelected",
                table: "Publications",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Month",
                table: "Publications",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "Publications",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Pages",
                table: "Publications",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProjectUrl",
                table: "Publications",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Publisher",
                table: "Publications",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SlidesUrl",
                table: "Publications",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VideoUrl",
                table: "Publications",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Volume",
                table: "Publications",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Abstract",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "ArxivUrl",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "CodeUrl",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "IsSelected",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "Month",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "Pages",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "ProjectUrl",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "Publisher",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "SlidesUrl",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "VideoUrl",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "Volume",
                table: "Publications");
        }
    }
}
