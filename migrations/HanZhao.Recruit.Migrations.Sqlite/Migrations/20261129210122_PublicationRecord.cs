using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanZhao.Recruit.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ArxivUrl",
                table: "Publications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CodeUrl",
                table: "Publications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsSelected",
                table: "Publications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Month",
                table: "Publications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "Publications",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Pages",
                table: "Publications",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProjectUrl",
                table: "Publications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Publisher",
                table: "Publications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SlidesUrl",
                table: "Publications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VideoUrl",
                table: "Publications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Volume",
                table: "Publications",
                type: "TEXT",
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
