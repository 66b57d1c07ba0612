var settings = {
  "url": "{{authPath}}/{{envID}}/as/device_authorization",
  "method": "POST",
  "timeout": 0,
  "headers": {
    "Content-Type": "application/x-www-form-urlencoded"
  },
  "data": {
    "client_id": "{{appID}}",
    "scope": "openid offline_access"
  }
};

$.ajax(settings).done(function (response) {
  console.log(response);
});
