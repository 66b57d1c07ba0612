var form = new FormData();
form.append("description", "Company logo (dark)");
form.append("file", fileInput.files[0], "logo.png");

var settings = {
  "url": "{{apiPath}}/environments/{{envID}}/images",
  "method": "POST",
  "timeout": 0,
  "headers": {
    "Authorization": "Bearer {{accessToken}}"
  },
  "processData": false,
  "mimeType": "multipart/form-data",
  "contentType": false,
  "data": form
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
