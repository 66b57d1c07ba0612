var settings = {
  "url": "{{authPath}}/{{envID}}/as/userinfo",
  "method": "GET",
  "timeout": 0,
  "headers": {
    "Authorization": "Bearer {{accessToken}}"
  }
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
