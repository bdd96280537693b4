// office-addin-mock only needs the OfficeApp enum at run time; the real office-addin-manifest pulls
// ESM-only packages that jest on Node 20 cannot load (see ../shared/spec/TOOLCHAIN.md).
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
