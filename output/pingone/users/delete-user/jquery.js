var settings = {
  "url": "{{apiPath}}/environments/{{envID}}/users/{{userID}}",
  "method": "DELETE",
  "timeout": 0,
  "headers": {
    "Authorization": "Bearer {{accessToken}}"
  }
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
