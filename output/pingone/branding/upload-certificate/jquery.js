var settings = {
  "url": "{{apiPath}}/environments/{{envID}}/certificates/{{certID}}",
  "method": "PUT",
  "timeout": 0,
  "headers": {
    "Authorization": "Bearer {{accessToken}}",
    "Content-Type": "application/x-pem-file"
  },
  "processData": false,
  "data": fileInput.files[0]
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
